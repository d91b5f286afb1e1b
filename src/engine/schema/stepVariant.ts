// The schema of one step: valibot's variant on `kind`, with a direct lookup
// of the kind. The variant tries every kind in turn (a literal check and a set
// for each step); a step that names a known kind is the schema of that kind,
// so run it straight away. Anything else goes through the variant itself, so
// results and messages are exactly the variant's; the published JSON Schema
// reads the same variant.
import * as v from 'valibot';
import { stepSchemas } from '../steps/registry';

const variantSchema = v.variant('kind', stepSchemas);
type StepVariant = typeof variantSchema;
type StepRun = StepVariant['~run'];

const schemaOfKind = new Map<unknown, (typeof stepSchemas)[number]>(stepSchemas.map((s) => [s.entries.kind.literal, s]));

/** What the variant does when exactly one kind matches: that kind's schema on a fresh dataset. */
const runStep: StepRun = function run(dataset, config) {
  const input = dataset.value;
  if (input && typeof input === 'object' && 'kind' in input) {
    const schema = schemaOfKind.get((input as { kind: unknown }).kind);
    if (schema !== undefined) return schema['~run']({ value: input }, config) as ReturnType<StepRun>;
  }
  return variantSchema['~run'](dataset, config);
};

export const stepSchema: StepVariant = { ...variantSchema, '~run': runStep };
