// Wait step: "call back within N minutes". It escalates on its own when the
// deadline passes and can be ended early. The deadline is absolute (event
// time + minutes) and kept in context, because XState does not restore a
// pending `after` timer from a persisted snapshot: the invoked `waitTimer`
// actor is restarted on restore and fires at the ORIGINAL deadline. An
// `after` is kept as well (it raises the same TIMER_EXPIRED event, stamped
// with the deadline), so diagrams show the delay; whichever fires first
// leaves the state and cancels the other.
import * as v from 'valibot';
import { described, localIdSchema, stepIdSchema, textSchema, titleSchema } from '../schema/primitives';
import { problem, type Problem } from '../validate/problem';
import type { StepKind } from './stepKind';

/** The `via` of the automatic escalation when a wait runs out. */
export const EXPIRED_VIA = 'onExpire';

export const waitStepSchema = v.strictObject({
  id: stepIdSchema,
  kind: v.literal('wait'),
  title: titleSchema,
  text: v.optional(textSchema),
  minutes: v.pipe(v.number(), v.integer('minutes must be a whole number'), v.minValue(1), v.maxValue(24 * 60), v.description('How long to wait before escalating automatically')),
  onExpire: described(stepIdSchema, 'Step to go to, automatically, when the time runs out'),
  endEarly: v.pipe(
    v.array(v.strictObject({ id: localIdSchema, label: titleSchema, next: stepIdSchema })),
    v.maxLength(6),
  ),
});
export type WaitStep = v.InferOutput<typeof waitStepSchema>;

/** Shared by every wait state (one function, not one per step). */
const waitTimerInput = ({ context }: { context: { deadline: number | null } }) => ({ deadline: context.deadline });

const expiredData = (step: WaitStep) => ({ minutes: step.minutes, next: step.onExpire });
const skippedData = (step: WaitStep, _source: unknown, event: { at?: unknown }, context: { deadline: number | null }) => ({
  next: step.onExpire, minutesLeft: context.deadline !== null && typeof event.at === 'number' ? Math.max(0, Math.ceil((context.deadline - event.at) / 60_000)) : null,
});
const passedData = (step: WaitStep) => ({ next: step.onExpire, reason: 'not-configured' });

/** The `via` of "try the next contact now", and of a wait passed because nobody was called. */
export const SKIPPED_VIA = 'tryNext';
export const PASSED_VIA = 'nobodyCalled';
const endedData = (o: WaitStep['endEarly'][number]) => ({ option: o.id, label: o.label, next: o.next });

export const waitKind: StepKind<WaitStep> = {
  kind: 'wait',
  clinical: false,
  successors: (step) => [
    ...step.endEarly.map((o, i) => ({ via: o.id, target: o.next, field: `endEarly[${i}].next` })),
    { via: EXPIRED_VIA, target: step.onExpire, field: 'onExpire' },
  ],
  check(step, _doc, at) {
    const problems: Problem[] = [];
    const seen = new Set<string>([EXPIRED_VIA]);
    step.endEarly.forEach((o, i) => {
      if (seen.has(o.id)) problems.push(problem('error', 'schema/duplicate-id', `${at}.endEarly[${i}].id`, `end-early option id "${o.id}" is used twice or is reserved`, step.id));
      seen.add(o.id);
    });
    return problems;
  },
  eventFor: (_step, via, at, deadline) => {
    if (via === EXPIRED_VIA) return { type: 'TIMER_EXPIRED', at: deadline ?? at };
    return via === null ? null : { type: 'END_WAIT', option: via, at };
  },
  node(step, c) {
    return {
      // A wait for a call back from a role that was never called (no number on this device) is pointless: move straight on.
      always: {
        guard: 'cameFromUnconfiguredCall',
        target: step.onExpire,
        actions: [c.move(PASSED_VIA), c.record('wait-passed', passedData, step)],
      },
      entry: [{ type: 'setDeadline', params: { minutes: step.minutes } }],
      exit: [{ type: 'clearDeadline' }],
      invoke: { src: 'waitTimer', input: waitTimerInput },
      // Mirrors the timer for diagrams and live runs; lost on restore, which is why waitTimer exists.
      after: { waitRemaining: { actions: 'raiseExpiry' } },
      on: {
        TIMER_EXPIRED: {
          guard: 'deadlineReached',
          target: step.onExpire,
          actions: [c.move(EXPIRED_VIA), c.record('timer-expired', expiredData, step)],
        },
        SKIP_WAIT: {
          target: step.onExpire,
          actions: [c.move(SKIPPED_VIA), c.record('wait-skipped', skippedData, step)],
        },
        END_WAIT: step.endEarly.map((option) => {
          const move = c.move(option.id);
          return {
            guard: { type: 'endedWith', params: move.params },
            target: option.next,
            actions: [move, c.record('wait-ended', endedData, option)],
          };
        }),
      },
    };
  },
};
