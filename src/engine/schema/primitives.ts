// Shared building blocks of the SOP schema (ids, bounded text, dates, links).
// Bounds live here so the JSON Schema published to authors carries the same
// limits the validator enforces.
import * as v from 'valibot';

/** Large enough for generated stress documents; real SOPs have tens of steps. */
export const MAX_STEPS = 5000;
export const MAX_TEXT = 4000;
export const MAX_TITLE = 200;

/** Names every JavaScript object already has: as ids they would read inherited members. */
const PROTOTYPE_NAMES = ['constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf'];
const notPrototypeName = v.notValues<string, readonly string[], string>(PROTOTYPE_NAMES, 'this id is a reserved word; choose another');

/** camelCase step ids: they appear in logs, paths and snapshots. */
export const stepIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'a step id is camelCase words: a lower-case letter then letters or digits (max 64)'),
  notPrototypeName,
);

/** kebab-case ids for documents, roles and references. */
export const slugSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+){0,15}$/, 'an id is lower-case words joined by hyphens, e.g. "cardiology-registrar"'),
  v.maxLength(64),
);

/** Item, option and outcome ids inside a step. */
export const localIdSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z][A-Za-z0-9-]{0,63}$/, 'an id starts with a lower-case letter, then letters, digits or hyphens (max 64)'),
  notPrototypeName,
);

export const titleSchema = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_TITLE));
export const textSchema = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_TEXT));
export const isoDateSchema = v.pipe(v.string(), v.isoDate('must be a date written YYYY-MM-DD'));

/** Only http(s) links: a javascript: or data: URL must never reach a rendered href. */
export const linkSchema = v.pipe(
  v.string(),
  v.maxLength(2000),
  v.url('must be a full web address'),
  v.regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, 'must start with https:// or http://'),
);

import { MODALITIES, type Modality } from '../modalities';

export { MODALITIES, type Modality };
export const modalitySchema = v.picklist(MODALITIES);

import { URGENCIES, type Urgency } from '../urgencyLevels';

/** Ordered most to least urgent. */
export { URGENCIES, type Urgency };
export const urgencySchema = v.picklist(URGENCIES);

/** `referrer`: the referring clinician or GP, who never counts as a clinician reached the same day. */
export const ROLE_TYPES = ['clinician', 'receiving-team', 'ambulance', 'resuscitation', 'referrer', 'non-clinical'] as const;
export const roleTypeSchema = v.picklist(ROLE_TYPES);
export type RoleType = v.InferOutput<typeof roleTypeSchema>;

export const citesSchema = v.optional(v.pipe(v.array(slugSchema), v.maxLength(20), v.description('Ids of the references (in "references") this step rests on')));

/** Attaches the text an author's editor shows when hovering a field. */
export const described = <S extends v.GenericSchema>(schema: S, text: string) => v.pipe(schema, v.description(text));
