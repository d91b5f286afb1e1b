// Every named effect of a compiled SOP in one `setup`: the context updates,
// the record emitter (replaceable with machine.provide), the guards and the
// wait timer. State configs refer to these by name only.
import { assign, raise, setup } from 'xstate';
import type { Modality } from '../schema/primitives';
import type { Reminder, SopContext, SopEvent, SopInput, StepRecord } from './runTypes';
import { waitTimer } from './waitTimer';

/** The time of an event; the initial entry (no event time) happens at the start. */
export function eventAt(event: { type: string; at?: unknown }, context: SopContext): number {
  return typeof event.at === 'number' ? event.at : context.startedAt;
}

const MINUTE = 60_000;

export function sopSetup(onRecord: ((record: StepRecord) => void) | undefined) {
  return setup({
    types: {} as { context: SopContext; events: SopEvent; input: SopInput },
    actors: { waitTimer },
    delays: {
      // For the `after` that mirrors the timer; see steps/wait.ts.
      waitRemaining: ({ context }) => Math.max(0, (context.deadline ?? 0) - Date.now()),
    },
    guards: {
      isModality: ({ context }, params: { modality: Modality }) => context.modality === params.modality,
      answeredWith: ({ event }, params: { option: string }) => event.type === 'ANSWER' && event.option === params.option,
      contactOutcomeIs: ({ event }, params: { outcome: string }) => event.type === 'CONTACT' && event.outcome === params.outcome,
      endedWith: ({ event }, params: { option: string }) => event.type === 'END_WAIT' && event.option === params.option,
      isItemOf: ({ event }, params: { items: readonly string[] }) => event.type === 'TICK' && params.items.includes(event.item),
      deadlineReached: ({ context, event }) => context.deadline !== null && eventAt(event, context) >= context.deadline,
      notCollapsed: ({ context }) => context.collapsedAt === null,
      isReminder: ({ context, event }) => event.type === 'REMINDER_DONE' && Object.hasOwn(context.reminders, event.item),
    },
    actions: {
      emitRecord: (_, record: StepRecord) => onRecord?.(record),
      recordStepEntered: assign(({ context }, params: { stepId: string }) => ({ trail: [...context.trail, params.stepId] })),
      recordMove: assign(({ context, event }, params: { stepId: string; via: string | null }) => ({
        moves: [...context.moves, { stepId: params.stepId, via: params.via, at: eventAt(event, context) }],
      })),
      recordAnswer: assign(({ context, event }, params: { stepId: string; choice: string; label: string }) => ({
        answers: [...context.answers, { ...params, at: eventAt(event, context) }],
      })),
      recordTick: assign(({ context, event }, params: { stepId: string; repeats: Record<string, { text: string; everyMinutes: number }> }) => {
        if (event.type !== 'TICK') return {};
        const ticks = { ...context.ticks, [params.stepId]: { ...context.ticks[params.stepId], [event.item]: event.checked } };
        const repeat = Object.hasOwn(params.repeats, event.item) ? params.repeats[event.item] : undefined;
        if (repeat === undefined) return { ticks };
        const key = `${params.stepId}.${event.item}`;
        const reminders = { ...context.reminders };
        if (event.checked) {
          reminders[key] = { stepId: params.stepId, item: event.item, text: repeat.text, everyMinutes: repeat.everyMinutes, dueAt: event.at + repeat.everyMinutes * MINUTE };
        } else {
          delete reminders[key];
        }
        return { ticks, reminders };
      }),
      recordReminderDone: assign(({ context, event }) => {
        if (event.type !== 'REMINDER_DONE') return {};
        const reminder = context.reminders[event.item];
        if (reminder === undefined) return {};
        const rearmed: Reminder = { ...reminder, dueAt: event.at + reminder.everyMinutes * MINUTE };
        return { reminders: { ...context.reminders, [event.item]: rearmed } };
      }),
      recordContact: assign(({ context, event }, params: Omit<SopContext['contacts'][number], 'at'>) => ({
        contacts: [...context.contacts, { ...params, at: eventAt(event, context) }],
      })),
      setDeadline: assign(({ context, event }, params: { minutes: number }) => ({
        deadline: eventAt(event, context) + params.minutes * MINUTE,
      })),
      clearDeadline: assign({ deadline: null }),
      raiseExpiry: raise(({ context }) => ({ type: 'TIMER_EXPIRED' as const, at: context.deadline ?? context.startedAt })),
      enterCollapse: assign(({ context, event }) => ({ collapsedAt: eventAt(event, context) })),
      setOutcome: assign((_, params: { stepId: string }) => ({ outcome: params.stepId })),
    },
  });
}

export type SopSetup = ReturnType<typeof sopSetup>;
