// Question step: labelled options, each leading on, with exactly one explicit
// "not sure" option that leads the safer way (a lone worker must never stall).
import * as v from 'valibot';
import { citesSchema, described, localIdSchema, stepIdSchema, textSchema, titleSchema } from '../schema/primitives';
import { problem } from '../validate/problem';
import type { StepKind } from './stepKind';

export const questionStepSchema = v.strictObject({
  id: stepIdSchema,
  kind: v.literal('question'),
  title: titleSchema,
  text: v.optional(textSchema),
  cites: citesSchema,
  options: v.pipe(
    v.array(
      v.strictObject({
        id: localIdSchema,
        label: titleSchema,
        detail: v.optional(textSchema),
        /** Words for the SBAR hand-over when this option is chosen. */
        handover: v.optional(described(textSchema, 'Phrase used in the SBAR hand-over when this option is chosen')),
        notSure: v.optional(described(v.boolean(), 'Exactly one option per question: the explicit "not sure", leading the safer way')),
        next: described(stepIdSchema, 'Step to go to when this option is chosen'),
      }),
    ),
    v.minLength(2, 'a question needs at least 2 options'),
    v.maxLength(6, 'a question has at most 6 options'),
  ),
});
export type QuestionStep = v.InferOutput<typeof questionStepSchema>;

type QuestionOption = QuestionStep['options'][number];

const answeredData = (o: QuestionOption) => ({ option: o.id, label: o.label, notSure: o.notSure === true, next: o.next });

export const questionKind: StepKind<QuestionStep> = {
  kind: 'question',
  clinical: true,
  successors: (step) => step.options.map((o, i) => ({ via: o.id, target: o.next, field: `options[${i}].next` })),
  check(step, _doc, at) {
    const notSure = step.options.filter((o) => o.notSure === true).length;
    const problems = [];
    if (notSure !== 1) {
      problems.push(
        problem('error', 'question/not-sure', `${at}.options`,
          `question "${step.title}" needs exactly one option marked notSure (found ${notSure}), leading the safer way`, step.id),
      );
    }
    const seen = new Set<string>();
    step.options.forEach((o, i) => {
      if (seen.has(o.id)) problems.push(problem('error', 'schema/duplicate-id', `${at}.options[${i}].id`, `option id "${o.id}" is used twice in this question`, step.id));
      seen.add(o.id);
    });
    return problems;
  },
  eventFor: (_step, via, at) => (via === null ? null : { type: 'ANSWER', option: via, at }),
  // One params object per option serves the guard and the context update.
  node: (step, c) => ({
    on: {
      ANSWER: step.options.map((option) => {
        const way = { stepId: c.qualifiedId, option };
        return {
          guard: { type: 'answeredWith', params: way },
          target: option.next,
          actions: [{ type: 'recordAnswer', params: way }, c.record('answered', answeredData, option)],
        };
      }),
    },
  }),
};
