// The CPR clock's taps as the episode log keeps them. Each tap is a `note`
// event (replay ignores notes, so the SOP's steps never move) whose data says
// what was done: `{ cpr: "rhythm-checked", cycle: 3 }`. The runner rebuilds its
// CPR clock from these on resume and the Log describes them. Read back from
// untrusted storage, so parsed, never cast. No patient data: kinds and times only.
import { handoverClock as clock } from './handoverClock';

export const CPR_MARK_KINDS = ['started', 'rhythm-checked', 'compressor-swapped', 'adrenaline-given', 'stopped'] as const;
export type CprMarkKind = (typeof CPR_MARK_KINDS)[number];

/** Why the CPR clock was stopped: signs of life, or the arrest team or ambulance crew took over. */
export const CPR_STOP_REASONS = ['rosc', 'handed-over'] as const;
export type CprStopReason = (typeof CPR_STOP_REASONS)[number];

export interface CprMark {
  kind: CprMarkKind;
  /** Epoch ms of the tap. */
  at: number;
  reason?: CprStopReason;
}

const isKind = (value: unknown): value is CprMarkKind => CPR_MARK_KINDS.includes(value as CprMarkKind);
const isReason = (value: unknown): value is CprStopReason => CPR_STOP_REASONS.includes(value as CprStopReason);

/** The note's data for a tap; `cycle` is the cycle the tap ended or happened in (for the Log's reader). */
export function cprNoteData(mark: Omit<CprMark, 'at'>, cycle: number): Record<string, string | number> {
  return { cpr: mark.kind, cycle, ...(mark.kind === 'stopped' && mark.reason ? { reason: mark.reason } : {}) };
}

/** A CPR tap from a note's data and time, or null when the note is not one (or is malformed). */
export function parseCprNote(data: unknown, at: unknown): CprMark | null {
  if (typeof data !== 'object' || data === null) return null;
  const { cpr, reason } = data as Record<string, unknown>;
  if (!isKind(cpr) || typeof at !== 'number' || !Number.isFinite(at)) return null;
  if (reason !== undefined && (cpr !== 'stopped' || !isReason(reason))) return null;
  return reason === undefined ? { kind: cpr, at } : { kind: cpr, at, reason };
}

const STOP_WORDS: Record<CprStopReason, string> = {
  rosc: 'signs of life (ROSC)',
  'handed-over': 'the arrest team or ambulance crew took over',
};

/** One line for the Log, or null when the data is not a CPR tap. */
export function describeCprNote(data: Record<string, unknown>): string | null {
  const mark = parseCprNote(data, 0);
  if (!mark) return null;
  const cycle = typeof data.cycle === 'number' && Number.isInteger(data.cycle) && data.cycle > 0 ? data.cycle : null;
  switch (mark.kind) {
    case 'started':
      return 'CPR clock started: cycle 1 of 2 minutes';
    case 'rhythm-checked':
      return cycle === null ? 'CPR: rhythm checked, next cycle started' : `CPR: rhythm checked at the end of cycle ${cycle}, cycle ${cycle + 1} started`;
    case 'compressor-swapped':
      return `CPR: compressor swapped${cycle === null ? '' : ` (cycle ${cycle})`}`;
    case 'adrenaline-given':
      return `CPR: adrenaline given${cycle === null ? '' : ` (cycle ${cycle})`}`;
    case 'stopped':
      return `CPR clock stopped${mark.reason ? `: ${STOP_WORDS[mark.reason]}` : ''}${cycle === null ? '' : ` (in cycle ${cycle})`}`;
  }
}

/**
 * The CPR clock's taps as one hand-over sentence: when the collapse call was
 * tapped, when the clock started, each rhythm check and adrenaline dose with
 * its time, the compressor swaps, and why CPR stopped. What the arrest team or
 * crew asks first (RCUK 2025 ALS: timings of CPR and drugs). Empty when the
 * clock was never used. Taps are given in log order; the latest run counts
 * from its own start (a clock restarted after signs of life were lost).
 */
export function describeCpr(marks: readonly CprMark[], collapsedAt: number | null): string {
  if (marks.length === 0) return '';
  const times = (kind: CprMarkKind) => marks.filter((mark) => mark.kind === kind).map((mark) => clock(mark.at));
  const starts = times('started');
  const checks = times('rhythm-checked');
  const doses = times('adrenaline-given');
  const swaps = marks.filter((mark) => mark.kind === 'compressor-swapped').length;
  const stop = [...marks].reverse().find((mark) => mark.kind === 'stopped');
  const stopped = stop && stop.at >= (marks.filter((mark) => mark.kind === 'started').at(-1)?.at ?? 0) ? stop : undefined;
  const parts = [
    collapsedAt !== null ? `collapse called at ${clock(collapsedAt)}` : '',
    starts.length > 0 ? `CPR clock started at ${starts.join(' and ')}` : '',
    checks.length > 0 ? `rhythm checked at ${checks.join(', ')} (${checks.length} ${checks.length === 1 ? 'check' : 'checks'})` : 'no rhythm check tapped yet',
    swaps > 0 ? `compressor swapped ${swaps === 1 ? 'once' : `${swaps} times`}` : '',
    doses.length > 0 ? `adrenaline given at ${doses.join(', ')}` : 'no adrenaline recorded',
    stopped ? `CPR stopped at ${clock(stopped.at)}${stopped.reason ? `: ${STOP_WORDS[stopped.reason]}` : ''}` : 'CPR still going',
  ].filter((part) => part !== '');
  return `CPR: ${parts.join('; ')}.`;
}
