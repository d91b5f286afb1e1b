// Contact step: call a role from the local directory with an SBAR script;
// each attempt's outcome (accepted, advised, declined, no answer) leads on.
import * as v from 'valibot';
import { citesSchema, described, localIdSchema, slugSchema, stepIdSchema, textSchema, titleSchema } from '../schema/primitives';
import { problem, type Problem } from '../validate/problem';
import type { SopDocument, Step } from '../schema/document';
import type { StepKind } from './stepKind';
import { effectiveRoleType } from '../effectiveRoleType';

export const CONTACT_RESULTS = ['accepted', 'advised', 'declined', 'noAnswer'] as const;

export const contactStepSchema = v.strictObject({
  id: stepIdSchema,
  kind: v.literal('contact'),
  title: titleSchema,
  text: v.optional(textSchema),
  cites: citesSchema,
  role: described(slugSchema, 'Id of a role in "roles"; the person and number come from the local directory'),
  sbar: v.strictObject({
    situation: textSchema,
    background: textSchema,
    assessment: textSchema,
    recommendation: textSchema,
  }),
  outcomes: v.pipe(
    v.array(
      v.strictObject({
        id: localIdSchema,
        label: titleSchema,
        result: described(v.picklist(CONTACT_RESULTS), 'accepted, advised, declined or noAnswer (every contact needs a noAnswer outcome)'),
        next: stepIdSchema,
      }),
    ),
    v.minLength(2, 'a contact needs at least 2 outcomes (one of them "no answer")'),
    v.maxLength(8),
  ),
});
export type ContactStep = v.InferOutput<typeof contactStepSchema>;

type ContactOutcome = ContactStep['outcomes'][number];

/** Record data of a contact attempt; `step` is always the contact step the outcome belongs to. */
function attemptData(o: ContactOutcome, source: { doc: SopDocument; step: Step }) {
  const { role } = source.step as ContactStep;
  const declared = source.doc.roles.find((r) => r.id === role);
  // The type the rules used, not the one declared: the log must not count a 999 call as a clinician reached.
  const roleType = declared ? effectiveRoleType(declared) : null;
  return { role, roleType, outcome: o.id, label: o.label, result: o.result, next: o.next };
}

export const contactKind: StepKind<ContactStep> = {
  kind: 'contact',
  clinical: true,
  successors: (step) => step.outcomes.map((o, i) => ({ via: o.id, target: o.next, field: `outcomes[${i}].next` })),
  check(step, doc, at) {
    const problems: Problem[] = [];
    if (!doc.roles.some((r) => r.id === step.role)) {
      problems.push(problem('error', 'ref/role', `${at}.role`, `role "${step.role}" is not in this SOP's roles list`, step.id));
    }
    // Position statement rule 3: nobody answering must never leave the worker stuck.
    if (!step.outcomes.some((o) => o.result === 'noAnswer')) {
      problems.push(problem('error', 'rule3/no-answer', `${at}.outcomes`, `contact "${step.title}" has no outcome for when nobody answers (result "noAnswer")`, step.id));
    }
    const seen = new Set<string>();
    step.outcomes.forEach((o, i) => {
      if (seen.has(o.id)) problems.push(problem('error', 'schema/duplicate-id', `${at}.outcomes[${i}].id`, `outcome id "${o.id}" is used twice in this contact`, step.id));
      seen.add(o.id);
    });
    return problems;
  },
  eventFor: (_step, via, at) => (via === null ? null : { type: 'CONTACT', outcome: via, at }),
  // One params object per outcome serves the guard and the context update.
  node: (step, c) => ({
    on: {
      CONTACT: step.outcomes.map((outcome) => {
        const way = { stepId: c.qualifiedId, role: step.role, outcome };
        return {
          guard: { type: 'contactOutcomeIs', params: way },
          target: outcome.next,
          actions: [{ type: 'recordContact', params: way }, c.record('contact-attempt', attemptData, outcome)],
        };
      }),
    },
  }),
};
