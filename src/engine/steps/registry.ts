// The one place step kinds are registered. The document schema, validator,
// compiler and path enumerator all go through here, never `switch (kind)`.
import { actionsKind, actionsStepSchema } from './actions';
import { contactKind, contactStepSchema } from './contact';
import { modalityKind, modalityStepSchema } from './modality';
import { outcomeKind, outcomeStepSchema } from './outcome';
import { questionKind, questionStepSchema } from './question';
import type { StepKind } from './stepKind';
import { waitKind, waitStepSchema } from './wait';

/** Schemas for the document's `steps` variant (tuple keeps each literal kind). */
export const stepSchemas = [
  questionStepSchema,
  actionsStepSchema,
  contactStepSchema,
  waitStepSchema,
  modalityStepSchema,
  outcomeStepSchema,
] as const;

const kinds = {
  question: questionKind,
  actions: actionsKind,
  contact: contactKind,
  wait: waitKind,
  modality: modalityKind,
  outcome: outcomeKind,
} as const;

export type StepKindName = keyof typeof kinds;
export const STEP_KIND_NAMES = Object.keys(kinds) as StepKindName[];

/** The behaviour of a step's kind (the union is narrowed by `kind`, checked by the schema). */
export function stepKindOf<S extends { kind: StepKindName; id: string }>(step: S): StepKind<S> {
  return kinds[step.kind] as unknown as StepKind<S>;
}
