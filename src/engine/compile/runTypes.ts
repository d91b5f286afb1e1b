// The shapes a running SOP deals in: its input, context, events and the log
// records it emits. The database and the runner build on these.
import * as v from 'valibot';
import type { Modality } from '../schema/primitives';
import type { RecordData } from '../steps/stepKind';
import { CONTACT_RESULTS } from '../steps/contact';

export type { RecordData, RecordValue } from '../steps/stepKind';

export interface SopInput {
  modality: Modality;
  /** Epoch ms of the start: the time of the first step. */
  startedAt: number;
}

/** A repeating task (e.g. observations every 15 min) started by ticking an item. */
export interface Reminder {
  stepId: string;
  item: string;
  text: string;
  everyMinutes: number;
  /** Epoch ms when it is next due. */
  dueAt: number;
}

export type ContactResult = (typeof CONTACT_RESULTS)[number];

/**
 * Context of a running SOP. Step ids inside the embedded collapse SOP are
 * qualified as "collapse.<stepId>" so they never clash with the main SOP's.
 */
export interface SopContext {
  sopId: string;
  sopVersion: string;
  modality: Modality;
  startedAt: number;
  /** Step ids entered, in order (including automatic modality steps). */
  trail: string[];
  /** How each step was left: option/outcome/route id, "onExpire", or null for "continue". */
  moves: Array<{ stepId: string; via: string | null; at: number }>;
  answers: Array<{ stepId: string; choice: string; label: string; at: number }>;
  ticks: Record<string, Record<string, boolean>>;
  /**
   * Every call result. `notConfigured`: the role had no number on this device,
   * so nobody was called (not the same as a call nobody answered); `advice`:
   * what a contact who gave advice said, as the worker wrote it.
   */
  contacts: Array<{ stepId: string; role: string; outcome: string; result: ContactResult; at: number; notConfigured?: boolean; advice?: string }>;
  /** Absolute deadline (epoch ms) of the current wait, else null. */
  deadline: number | null;
  /** Keyed "<stepId>.<itemId>". */
  reminders: Record<string, Reminder>;
  /** Epoch ms of the COLLAPSE event, when the collapse pathway was entered. */
  collapsedAt: number | null;
  /** Step id of the outcome reached, else null. */
  outcome: string | null;
}

const at = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** Events a running SOP accepts; validate any that come from storage with `parseSopEvent`. */
export const sopEventSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ANSWER'), option: id, at }),
  v.strictObject({ type: v.literal('TICK'), item: id, checked: v.boolean(), at }),
  v.strictObject({ type: v.literal('CONTINUE'), at }),
  v.strictObject({
    type: v.literal('CONTACT'), outcome: id, at,
    /** The role had no number on this device: nobody was called. */
    notConfigured: v.optional(v.literal(true)),
    /** The advice given, for an "advised" result. */
    advice: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  }),
  v.strictObject({ type: v.literal('END_WAIT'), option: id, at }),
  v.strictObject({ type: v.literal('TIMER_EXPIRED'), at }),
  /** "Try the next contact now": leave a wait for its escalation step before the time is up. */
  v.strictObject({ type: v.literal('SKIP_WAIT'), at }),
  v.strictObject({ type: v.literal('COLLAPSE'), at }),
  /** `item` is the reminder key "<stepId>.<itemId>". */
  v.strictObject({ type: v.literal('REMINDER_DONE'), item: id, at }),
]);
export type SopEvent = v.InferOutput<typeof sopEventSchema>;

/** UNDO is not a machine event: `foldUndo` removes what it undoes before replay. */
export type UndoEvent = { type: 'UNDO'; at: number };
export type LoggedEvent = SopEvent | UndoEvent;

export function parseSopEvent(value: unknown): SopEvent | null {
  const parsed = v.safeParse(sopEventSchema, value);
  return parsed.success ? parsed.output : null;
}

export const RECORD_TYPES = [
  'step-entered', 'answered', 'ticked', 'continued', 'contact-attempt', 'wait-ended',
  'timer-expired', 'collapse', 'reminder-done', 'outcome-reached',
  // A wait left early for the next contact; a wait passed at once (nobody was called to call back).
  'wait-skipped', 'wait-passed',
] as const;
export type StepRecordType = (typeof RECORD_TYPES)[number];

/** One log line per thing that happened, emitted through the injected `onRecord`. */
export interface StepRecord {
  type: StepRecordType;
  /** The SOP the step belongs to ("collapse" inside the embedded collapse SOP). */
  sopId: string;
  sopVersion: string;
  /** Plain step id within that SOP. */
  stepId: string;
  stepKind: string;
  at: number;
  data: RecordData;
}

