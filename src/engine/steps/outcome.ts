// Outcome step (terminal): the disposition, its urgency, the suggested report
// wording and what to document. Reaching one ends the episode.
import * as v from 'valibot';
import { citesSchema, described, stepIdSchema, textSchema, titleSchema, urgencySchema } from '../schema/primitives';
import type { SopContext } from '../compile/runTypes';
import { callInWords, escalationFacts } from '../escalation';
import type { SopDocument } from '../schema/document';
import type { EventLike, StepKind } from './stepKind';

export const outcomeStepSchema = v.strictObject({
  id: stepIdSchema,
  kind: v.literal('outcome'),
  title: titleSchema,
  text: v.optional(textSchema),
  cites: citesSchema,
  urgency: described(urgencySchema, 'emergency (now), same-day, urgent (within 2 weeks) or routine'),
  disposition: described(textSchema, 'What happens to the patient'),
  reportWording: described(textSchema, 'Suggested wording for the report'),
  document: v.pipe(v.array(textSchema), v.minLength(1, 'list at least one thing to document'), v.maxLength(30)),
});
export type OutcomeStep = v.InferOutput<typeof outcomeStepSchema>;

/** The outcome with what the escalation really achieved: who was reached, who not, and whether a clinician was. */
function reachedData(step: OutcomeStep, source: { doc: SopDocument }, _event: EventLike, context: SopContext) {
  const facts = escalationFacts(context, source.doc);
  return {
    urgency: step.urgency, disposition: step.disposition,
    reached: facts.reached.map(callInWords).join('; '),
    notReached: facts.notReached.map(callInWords).join('; '),
    clinicianReached: facts.clinicianReached,
  };
}

export const outcomeKind: StepKind<OutcomeStep> = {
  kind: 'outcome',
  clinical: true,
  successors: () => [],
  check: () => [],
  eventFor: () => null,
  node: (step, c) => ({
    type: 'final',
    entry: [
      { type: 'setOutcome', params: { stepId: c.qualifiedId } },
      c.record('outcome-reached', reachedData, step),
    ],
  }),
};
