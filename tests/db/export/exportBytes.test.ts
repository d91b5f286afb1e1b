// The download's bytes: exactly the UTF-8 of the parts joined, whatever the
// characters (ASCII, Latin-1, above U+FFFF) and however much larger than the
// text's length the bytes turn out.
import { describe, expect, it } from 'vitest';
import { fileBytes } from '../../../src/db/export';

const utf8 = (text: string) => Array.from(new TextEncoder().encode(text));

describe('the bytes of an export file', () => {
  it('are the UTF-8 of the parts joined, for plain and wide characters alike', () => {
    const cases: string[][] = [
      [],
      [''],
      ['episode_id,seq\r\n', '019c,1\r\n', '019c,2'],
      ['SpO₂ 88% — “café”', ',', 'naïve ümlaut'],
      ['🫀'.repeat(50), 'x', '中文'.repeat(40)],
      Array.from({ length: 200 }, (_, n) => (n % 7 === 0 ? '€'.repeat(n) : 'a'.repeat(n))),
    ];
    for (const parts of cases) expect(Array.from(fileBytes(parts))).toEqual(utf8(parts.join('')));
  });
});
