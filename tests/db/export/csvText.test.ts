// The one-pass CSV writer must write exactly what Papa Parse's unparse wrote
// for the same neutralised cells, so exports are unchanged byte for byte.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvText, neutraliseCell, type Cell } from '../../../src/db/export';
import { seededRandom } from '../../../scripts/bench-log-data';

const ALPHABET = ['a', 'Z', '0', ' ', ',', '"', "'", '=', '+', '-', '@', '\t', '\r', '\n', '\ufeff', 'é', '{', ':', '|'];

function randomCell(random: () => number): Cell {
  const roll = random();
  if (roll < 0.1) return null;
  if (roll < 0.25) return Math.round((random() - 0.5) * 1e6) / (random() < 0.5 ? 1 : 1000);
  const length = Math.floor(random() * 6);
  return Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]!).join('');
}

describe('the CSV writer', () => {
  it('quotes, escapes and neutralises every cell exactly as Papa Parse did', () => {
    const random = seededRandom(6);
    const rows: Cell[][] = Array.from({ length: 2_000 }, () => Array.from({ length: Math.floor(random() * 5) }, () => randomCell(random)));
    rows.splice(10, 0, [], ['Export seal'], [' leading', 'trailing ', '=SUM(A1)', '-1', '\u{1F600}', '']);
    expect(csvText(rows)).toBe(Papa.unparse(rows.map((row) => row.map(neutraliseCell)), { newline: '\r\n' }));
  });

  it('makes a formula cell plain text and keeps numbers as numbers', () => {
    expect(csvText([['=HYPERLINK("x")', -5, '-5', null, 'a,b']])).toBe(`"'=HYPERLINK(""x"")",-5,'-5,,"a,b"`);
  });
});
