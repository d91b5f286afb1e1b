// Generates the published JSON Schema from the same valibot schema the
// validator uses, so editors autocomplete exactly what the app accepts.
import { toJsonSchema } from '@valibot/to-json-schema';
import { sopDocumentSchema } from './document';

export const SOP_SCHEMA_ID = 'https://cdc-escalation.invalid/schema/sop.schema.json';

export function sopJsonSchema(): Record<string, unknown> {
  const generated = toJsonSchema(sopDocumentSchema, { target: 'draft-07', errorMode: 'throw' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: SOP_SCHEMA_ID,
    title: 'Escalation SOP (cdc-sop/1)',
    description: 'A locally signed-off standard operating procedure for an emergency found during community cardiac imaging. See docs/sop-format.md.',
  };
}

/** The exact text of schema/sop.schema.json. */
export const sopJsonSchemaText = (): string => `${JSON.stringify(sopJsonSchema(), null, 2)}\n`;
