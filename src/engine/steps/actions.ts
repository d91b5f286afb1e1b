// Actions checklist: tickable items (some repeat, e.g. observations every
// 15 minutes, which become reminders), then "continue" to the next step.
import * as v from 'valibot';
import { citesSchema, localIdSchema, modalitySchema, stepIdSchema, textSchema, titleSchema } from '../schema/primitives';
import { problem, type Problem } from '../validate/problem';
import type { EventLike, StepKind } from './stepKind';

export const actionsStepSchema = v.strictObject({
  id: stepIdSchema,
  kind: v.literal('actions'),
  title: titleSchema,
  text: v.optional(textSchema),
  cites: citesSchema,
  items: v.pipe(
    v.array(
      v.strictObject({
        id: localIdSchema,
        text: textSchema,
        /** Show only for these modalities (e.g. "leave the scanner room" for MRI). */
        modalities: v.optional(v.pipe(v.array(modalitySchema), v.minLength(1), v.description('Show this item only for these scanners'))),
        repeatMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240), v.description('Once ticked, remind every N minutes (e.g. observations)'))),
        cites: citesSchema,
      }),
    ),
    v.minLength(1, 'an actions step needs at least one item'),
    v.maxLength(30),
  ),
  next: stepIdSchema,
});
export type ActionsStep = v.InferOutput<typeof actionsStepSchema>;

/** Record data of a TICK: which item, read from the event. */
const tickedData = (_detail: null, _source: unknown, event: EventLike) => ({ item: String(event.item), checked: event.checked === true });
/** The items of a checklist shown for a modality (the others are hidden on screen). */
export const itemsShown = (step: ActionsStep, modality: string) =>
  step.items.filter((item) => item.modalities === undefined || (item.modalities as string[]).includes(modality));

/**
 * Record data of a CONTINUE: how many of the shown items were ticked, so a
 * checklist continued with nothing ticked is logged "continued, 0 of N done",
 * never "done".
 */
function continuedData(step: ActionsStep, source: { qualifiedId?: string }, _event: EventLike, context: { ticks: Record<string, Record<string, boolean>>; modality: string }) {
  const ticks = context.ticks[source.qualifiedId ?? step.id] ?? {};
  const shown = itemsShown(step, context.modality);
  return { next: step.next, done: shown.filter((item) => ticks[item.id] === true).length, of: shown.length };
}

export const actionsKind: StepKind<ActionsStep> = {
  kind: 'actions',
  clinical: true,
  successors: (step) => [{ via: null, target: step.next, field: 'next' }],
  check(step, doc, at) {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    step.items.forEach((item, i) => {
      if (seen.has(item.id)) problems.push(problem('error', 'schema/duplicate-id', `${at}.items[${i}].id`, `item id "${item.id}" is used twice in this checklist`, step.id));
      seen.add(item.id);
      (item.modalities ?? []).forEach((m, j) => {
        if (!doc.modalities.includes(m)) {
          problems.push(problem('warning', 'actions/modality', `${at}.items[${i}].modalities[${j}]`, `item "${item.id}" is for ${m}, which this SOP does not list`, step.id));
        }
      });
    });
    return problems;
  },
  eventFor: (_step, _via, at) => ({ type: 'CONTINUE', at }),
  // One params object per checklist serves the TICK guard and the context update.
  node(step, c) {
    const checklist = { stepId: c.qualifiedId, items: step.items };
    return {
      on: {
        TICK: {
          guard: { type: 'isItemOf', params: checklist },
          actions: [{ type: 'recordTick', params: checklist }, c.record('ticked', tickedData, null)],
        },
        CONTINUE: { target: step.next, actions: [c.move(null), c.record('continued', continuedData, step)] },
      },
    };
  },
};
