// The SOP document schema (format "cdc-sop/1"). Types come from it via
// v.InferOutput and the published JSON Schema is generated from it, so the
// format is written down exactly once.
import * as v from 'valibot';
import { stepSchema } from './stepVariant';
import {
  MAX_STEPS, isoDateSchema, linkSchema, modalitySchema, roleTypeSchema, slugSchema,
  stepIdSchema, textSchema, titleSchema, described,
} from './primitives';

export const SOP_FORMAT = 'cdc-sop/1';

export const roleSchema = v.strictObject({
  id: described(slugSchema, 'Role id used by contact steps, e.g. "cardiology-registrar"'),
  title: described(titleSchema, 'What the role is called locally; the person and number come from the local directory'),
  type: described(roleTypeSchema, 'clinician and receiving-team count as a clinical hand-over (rules 1 and 2); referrer (the referring clinician or GP) never does; 999/111/112 lines are ambulance whatever is declared'),
  /** Why this role, or what to check locally when filling the directory. */
  note: v.optional(textSchema),
});

export const referenceSchema = v.strictObject({
  id: slugSchema,
  title: textSchema,
  publisher: v.optional(titleSchema),
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100))),
  url: v.optional(described(linkSchema, 'https:// link to the source')),
  note: v.optional(textSchema),
});

export { stepSchema };

export const sopDocumentSchema = v.strictObject({
  $schema: v.optional(v.pipe(v.string(), v.maxLength(500))),
  format: described(v.literal(SOP_FORMAT), 'Always "cdc-sop/1"'),
  id: described(slugSchema, 'Stable kebab-case id of the SOP, kept across versions'),
  title: titleSchema,
  shortTitle: v.optional(described(titleSchema, 'Finding-first words for the Escalate list')),
  finding: described(textSchema, 'The finding that triggers this SOP'),
  keywords: v.optional(described(v.pipe(v.array(titleSchema), v.maxLength(30)), 'Extra words people search with')),
  modalities: v.pipe(v.array(modalitySchema), v.minLength(1, 'list at least one modality'), v.maxLength(3)),
  version: v.pipe(v.string(), v.regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, 'a version is three numbers like 1.0.0'), v.description('Three numbers, e.g. 1.0.0')),
  status: described(v.picklist(['template', 'draft', 'approved']), 'template: shipped default needing local sign-off; draft; approved: signed off (needs approval)'),
  approval: v.optional(
    v.nullable(v.strictObject({ name: titleSchema, role: titleSchema, date: isoDateSchema })),
  ),
  reviewDue: described(isoDateSchema, 'YYYY-MM-DD; after this date the checker warns'),
  localAdaptation: v.optional(described(textSchema, 'What the local network must check or change before sign-off')),
  roles: v.pipe(v.array(roleSchema), v.maxLength(50)),
  references: v.pipe(v.array(referenceSchema), v.maxLength(100)),
  start: described(stepIdSchema, 'Id of the first step'),
  steps: v.pipe(
    v.array(stepSchema),
    v.minLength(1, 'an SOP needs at least one step'),
    v.maxLength(MAX_STEPS, `an SOP has at most ${MAX_STEPS} steps`),
  ),
});

export type SopDocument = v.InferOutput<typeof sopDocumentSchema>;
export type Step = SopDocument['steps'][number];
export type StepOfKind<K extends Step['kind']> = Extract<Step, { kind: K }>;
export type Role = v.InferOutput<typeof roleSchema>;
export type Reference = v.InferOutput<typeof referenceSchema>;
export type SopStatus = SopDocument['status'];
