// Every named effect of a compiled SOP in one `setup`: the context updates,
// the record emitter (replaceable with machine.provide), the guards and the
// wait timer. State configs refer to these by name only. The setup is built
// once per module; a compile only swaps in its own emitRecord.
import { assign, raise, setup } from 'xstate';
import type { Modality } from '../schema/primitives';
import { eventAt } from './recordAction';
import type { Reminder, SopContext, SopEvent, SopInput, StepRecord } from './runTypes';
import { waitTimer } from './waitTimer';

const MINUTE = 60_000;

type Moves = SopContext['moves'];
const withMove = (moves: Moves, stepId: string, via: string | null, at: number): Moves => [...moves, { stepId, via, at }];

/** The params a step kind gives its guards and context updates (see steps/*.ts). */
interface AnswerWay { stepId: string; option: { id: string; label: string } }
interface ContactWay { stepId: string; role: string; outcome: { id: string; result: SopContext['contacts'][number]['result'] } }
interface Checklist { stepId: string; items: ReadonlyArray<{ id: string; text: string; repeatMinutes?: number }> }
interface Move { stepId: string; via: string | null }

const sopLogic = setup({
  types: {} as { context: SopContext; events: SopEvent; input: SopInput },
  actors: { waitTimer },
  delays: {
    // For the `after` that mirrors the timer; see steps/wait.ts.
    waitRemaining: ({ context }) => Math.max(0, (context.deadline ?? 0) - Date.now()),
  },
  guards: {
    isModality: ({ context }, params: { modality?: Modality }) => context.modality === params.modality,
    answeredWith: ({ event }, params: AnswerWay) => event.type === 'ANSWER' && event.option === params.option.id,
    contactOutcomeIs: ({ event }, params: ContactWay) => event.type === 'CONTACT' && event.outcome === params.outcome.id,
    endedWith: ({ event }, params: Move) => event.type === 'END_WAIT' && event.option === params.via,
    isItemOf: ({ event }, params: Checklist) => event.type === 'TICK' && params.items.some((item) => item.id === event.item),
    deadlineReached: ({ context, event }) => context.deadline !== null && eventAt(event, context) >= context.deadline,
    notCollapsed: ({ context }) => context.collapsedAt === null,
    /** The step before this wait was a call to a role with no number: there is nobody to call back. */
    cameFromUnconfiguredCall: ({ context }) => {
      const lastMove = context.moves[context.moves.length - 1];
      const lastCall = context.contacts[context.contacts.length - 1];
      return lastCall?.notConfigured === true && lastMove?.stepId === lastCall.stepId && lastMove.at === lastCall.at;
    },
    isReminder: ({ context, event }) => event.type === 'REMINDER_DONE' && Object.hasOwn(context.reminders, event.item),
  },
  actions: {
    // Replaced per compile (see sopSetup) or with machine.provide.
    emitRecord: (_, _record: StepRecord) => undefined,
    recordStepEntered: assign(({ context }, params: { stepId: string }) => ({ trail: [...context.trail, params.stepId] })),
    recordMove: assign(({ context, event }, params: Move) => ({
      moves: withMove(context.moves, params.stepId, params.via, eventAt(event, context)),
    })),
    /** The answer and the move it makes, in one update. */
    recordAnswer: assign(({ context, event }, { stepId, option }: AnswerWay) => {
      const at = eventAt(event, context);
      return {
        moves: withMove(context.moves, stepId, option.id, at),
        answers: [...context.answers, { stepId, choice: option.id, label: option.label, at }],
      };
    }),
    recordTick: assign(({ context, event }, params: Checklist) => {
      if (event.type !== 'TICK') return {};
      const ticks = { ...context.ticks, [params.stepId]: { ...context.ticks[params.stepId], [event.item]: event.checked } };
      const item = params.items.find((i) => i.id === event.item);
      if (item?.repeatMinutes === undefined) return { ticks };
      const key = `${params.stepId}.${event.item}`;
      const reminders = { ...context.reminders };
      if (event.checked) {
        reminders[key] = { stepId: params.stepId, item: event.item, text: item.text, everyMinutes: item.repeatMinutes, dueAt: event.at + item.repeatMinutes * MINUTE };
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
    /** The contact attempt and the move it makes, in one update. */
    recordContact: assign(({ context, event }, { stepId, role, outcome }: ContactWay) => {
      const at = eventAt(event, context);
      return {
        moves: withMove(context.moves, stepId, outcome.id, at),
        contacts: [...context.contacts, {
          stepId, role, outcome: outcome.id, result: outcome.result, at,
          ...(event.type === 'CONTACT' && event.notConfigured ? { notConfigured: true } : {}),
          ...(event.type === 'CONTACT' && event.advice !== undefined && outcome.result === 'advised' ? { advice: event.advice } : {}),
        }],
      };
    }),
    setDeadline: assign(({ context, event }, params: { minutes: number }) => ({
      deadline: eventAt(event, context) + params.minutes * MINUTE,
    })),
    clearDeadline: assign({ deadline: null }),
    raiseExpiry: raise(({ context }) => ({ type: 'TIMER_EXPIRED' as const, at: context.deadline ?? context.startedAt })),
    enterCollapse: assign(({ context, event }) => ({ collapsedAt: eventAt(event, context) })),
    setOutcome: assign((_, params: { stepId: string }) => ({ outcome: params.stepId })),
  },
});

/** The shared setup, with `onRecord` as the record emitter when one is given. */
export function sopSetup(onRecord: ((record: StepRecord) => void) | undefined) {
  if (onRecord === undefined) return sopLogic;
  return sopLogic.extend({ actions: { emitRecord: (_, record: StepRecord) => onRecord(record) } });
}

export type SopSetup = typeof sopLogic;
