// The JSON Schema authors' editors use must be exactly what the validator
// enforces: the committed file equals a fresh generation.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sopJsonSchema, sopJsonSchemaText } from '../../src/engine/schema/jsonSchema';

describe('the published JSON Schema', () => {
  it('is up to date with the valibot schema (run `npm run schema` if not)', () => {
    const committed = readFileSync(resolve(process.cwd(), 'schema/sop.schema.json'), 'utf8');
    expect(committed).toBe(sopJsonSchemaText());
  });

  it('forbids unknown keys and names every step kind', () => {
    const schema = sopJsonSchema() as { additionalProperties?: unknown; properties: { steps: { items: { oneOf: Array<{ properties: { kind: { const: string } } }> } } } };
    expect(schema.additionalProperties).toBe(false);
    const kinds = schema.properties.steps.items.oneOf.map((s) => s.properties.kind.const).sort();
    expect(kinds).toEqual(['actions', 'contact', 'modality', 'outcome', 'question', 'wait']);
  });
});
