// Hostile input: every case in the corpus gets one clear, plain-English error
// (no crash, no hang, no stack trace); HTML in text is kept as data.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSopText, validateSop } from '../../src/engine';
import { hostileCases } from '../fixtures/hostile/generateHostile';
import { generateLargeSop } from '../support/engineGeneratedSop';

describe('hostile input', () => {
  for (const c of hostileCases()) {
    it(`answers "${c.name}" with ${c.expectCode}`, () => {
      const result = c.text !== undefined ? parseSopText(c.text) : validateSop(c.value);
      expect(result.ok).toBe(false);
      expect(result.problems[0]!.code).toBe(c.expectCode);
      for (const p of result.problems) {
        expect(p.message.length).toBeLessThan(400);
        expect(p.message).not.toMatch(/\n\s+at |TypeError|RangeError/);
      }
    });
  }

  it('does not pollute Object.prototype', () => {
    parseSopText(readFileSync(resolve(process.cwd(), 'tests/fixtures/hostile/proto-key.json'), 'utf8'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a file saved with a byte-order mark', () => {
    const text = readFileSync(resolve(process.cwd(), 'docs/examples/example-sop.json'), 'utf8');
    expect(parseSopText(`\uFEFF${text}`, { today: '2026-01-01' }).ok).toBe(true);
  });

  it('keeps HTML and script in text exactly as typed: it is data, never markup', () => {
    const text = readFileSync(resolve(process.cwd(), 'tests/fixtures/hostile/html-in-text.json'), 'utf8');
    const result = parseSopText(text, { today: '2026-01-01' });
    expect(result.ok).toBe(true);
    expect(result.doc!.title).toBe('<script>alert("title")</script> Example');
  });

  it('shortens an absurdly long unknown key in its message', () => {
    const result = validateSop({ format: 'cdc-sop/1', ['k'.repeat(100_000)]: 1 });
    const unknown = result.problems.find((p) => p.message.startsWith('unknown field'))!;
    expect(unknown.message.length).toBeLessThan(200);
    expect(unknown.path.length).toBeLessThan(100);
  });
});

describe('values shared by reference (from code, not JSON)', () => {
  it('are not mistaken for a cycle', () => {
    const generated = generateLargeSop(3); // every step shares one `cites` array
    expect(validateSop(generated).problems).toEqual([]);
  });
});
