// The CPR clock as a pure reading (no React, no timers): from the time of the
// collapse, the logged CPR taps and the wall clock, what the CPR screen shows —
// time since collapse, the cycle, the time left in its 2 minutes and the
// prompts due. Every time is an epoch ms from the log, never a running timer,
// so a reload (or a tablet that slept) reads the same clock from the same taps.
// RCUK 2025 adult ALS: rhythm check every 2 minutes with compressions paused
// for under 10 s; compressors swap at each rhythm check (about every 2
// minutes); adrenaline 1 mg every 3-5 minutes (every other cycle) once started.
import type { CprMark, CprStopReason } from '../../../engine';

export const CYCLE_MS = 2 * 60_000;
/** The last seconds of a cycle: get the next compressor (and the defibrillator) ready. */
export const PREPARE_MS = 15_000;
export const ADRENALINE_EARLIEST_MS = 3 * 60_000;
export const ADRENALINE_LATEST_MS = 5 * 60_000;
/** A second "new cycle" this soon after one started is a bounce (a foot switch, a double tap), not a rhythm check. */
export const NEW_CYCLE_GUARD_MS = 5_000;

export type CprPromptId = 'rhythm-check' | 'swap-compressor' | 'adrenaline';

export interface CprPrompt {
  id: CprPromptId;
  text: string;
}

export const PROMPT_TEXT: Record<CprPromptId, string> = {
  'rhythm-check': 'Rhythm check — pause compressions < 10 s',
  'swap-compressor': 'Swap compressor',
  adrenaline: 'Adrenaline due',
};

/** The same prompts as a screen reader says them (no symbols). */
const PROMPT_SPOKEN: Record<CprPromptId, string> = {
  'rhythm-check': 'Rhythm check: pause compressions for less than 10 seconds',
  'swap-compressor': 'Swap compressor',
  adrenaline: 'Adrenaline due',
};

export interface CprClockInput {
  /** Epoch ms of the collapse as the app knows it (the tap on "Patient collapsed"), or null. */
  collapseAt: number | null;
  /** The CPR taps in the order they were logged (not sorted by time: a clock that jumped back must not reorder them). */
  marks: readonly CprMark[];
  now: number;
  /** Staff here give adrenaline in cardiac arrest (the local pathway): only then is adrenaline timed. */
  adrenaline: boolean;
}

export interface CprAdrenaline {
  doses: number;
  lastAt: number | null;
  /** From when the next dose may be given (3 minutes after the last), or null before the first. */
  nextFrom: number | null;
  /** When the next dose is late (5 minutes after the last), or null before the first. */
  nextBy: number | null;
}

export interface CprReading {
  state: 'not-started' | 'running' | 'stopped';
  sinceCollapseMs: number | null;
  /** Start of the current (or last) run of CPR. */
  startedAt: number | null;
  stoppedAt: number | null;
  stopReason: CprStopReason | null;
  /** 1-based cycle of the current run; 0 before CPR started. */
  cycle: number;
  cycleStartedAt: number | null;
  /** End of the current cycle: the rhythm check is due then. */
  deadline: number | null;
  /** Time left in the cycle, 0 to CYCLE_MS (a clock set back never shows more than 2 minutes). */
  leftMs: number;
  /** How long the rhythm check is overdue. */
  overdueMs: number;
  /** In the last PREPARE_MS of a cycle, before its rhythm check is due. */
  preparing: boolean;
  /** Prompts due now, the rhythm check first. */
  due: CprPrompt[];
  swaps: number;
  lastSwapAt: number | null;
  /** Null when the local pathway does not give adrenaline. */
  adrenaline: CprAdrenaline | null;
}

interface Run {
  startedAt: number;
  cycle: number;
  cycleStartedAt: number;
  lastCheckAt: number | null;
  lastSwapAt: number | null;
  swaps: number;
}

/** Reads the clock. Taps that make no sense where they fall (a new cycle with CPR stopped, a second start) are ignored. */
export function readCprClock({ collapseAt, marks, now, adrenaline }: CprClockInput): CprReading {
  let run: Run | null = null;
  let last: Run | null = null;
  let stoppedAt: number | null = null;
  let stopReason: CprStopReason | null = null;
  const doses: number[] = [];
  for (const mark of marks) {
    if (mark.kind === 'adrenaline-given') {
      doses.push(mark.at);
    } else if (mark.kind === 'started') {
      if (run) continue;
      run = { startedAt: mark.at, cycle: 1, cycleStartedAt: mark.at, lastCheckAt: null, lastSwapAt: null, swaps: 0 };
      stoppedAt = null;
      stopReason = null;
    } else if (run !== null) {
      const current: Run = run;
      if (mark.kind === 'rhythm-checked') {
        run = { ...current, cycle: current.cycle + 1, cycleStartedAt: mark.at, lastCheckAt: mark.at };
      } else if (mark.kind === 'compressor-swapped') {
        run = { ...current, lastSwapAt: mark.at, swaps: current.swaps + 1 };
      } else {
        last = current;
        run = null;
        stoppedAt = mark.at;
        stopReason = mark.reason ?? null;
      }
    }
  }

  const lastDose = doses.at(-1) ?? null;
  const adrenalineReading: CprAdrenaline | null = adrenaline
    ? {
      doses: doses.length,
      lastAt: lastDose,
      nextFrom: lastDose === null ? null : lastDose + ADRENALINE_EARLIEST_MS,
      nextBy: lastDose === null ? null : lastDose + ADRENALINE_LATEST_MS,
    }
    : null;
  const sinceCollapseMs = collapseAt === null ? null : Math.max(0, now - collapseAt);
  const shown = run ?? last;
  const base = {
    sinceCollapseMs, stoppedAt, stopReason, adrenaline: adrenalineReading,
    startedAt: shown?.startedAt ?? null, swaps: shown?.swaps ?? 0, lastSwapAt: shown?.lastSwapAt ?? null,
  };
  if (!run) {
    return {
      ...base, state: last ? 'stopped' : 'not-started', cycle: last?.cycle ?? 0, cycleStartedAt: null, deadline: null,
      leftMs: 0, overdueMs: 0, preparing: false, due: [],
    };
  }

  const deadline = run.cycleStartedAt + CYCLE_MS;
  const leftMs = Math.min(CYCLE_MS, Math.max(0, deadline - now));
  const checkDue = now >= deadline;
  // The latest rhythm check, done or due: swaps and adrenaline are timed to it.
  const checks = [run.lastCheckAt, checkDue ? deadline : null].filter((t): t is number => t !== null);
  const latestCheck = checks.length > 0 ? Math.max(...checks) : null;
  const due: CprPromptId[] = [];
  if (checkDue) due.push('rhythm-check');
  // Swapped for this check: at most PREPARE_MS before it (getting ready counts), or since.
  if (latestCheck !== null && (run.lastSwapAt ?? run.startedAt) < latestCheck - PREPARE_MS) due.push('swap-compressor');
  if (adrenalineReading && lastDose !== null) {
    const atACheck = latestCheck !== null && latestCheck >= lastDose + ADRENALINE_EARLIEST_MS;
    if (atACheck || now >= lastDose + ADRENALINE_LATEST_MS) due.push('adrenaline');
  }
  return {
    ...base, state: 'running', cycle: run.cycle, cycleStartedAt: run.cycleStartedAt, deadline, leftMs,
    overdueMs: Math.max(0, now - deadline), preparing: !checkDue && leftMs <= PREPARE_MS,
    due: due.map((id) => ({ id, text: PROMPT_TEXT[id] })),
  };
}

/** Whether "Rhythm checked / new cycle" now starts a cycle, or is a bounce of the last one. */
export function acceptsNewCycle(reading: CprReading, now: number): boolean {
  return reading.state === 'running' && reading.cycleStartedAt !== null && Math.abs(now - reading.cycleStartedAt) >= NEW_CYCLE_GUARD_MS;
}

const HALF_MINUTE = 30_000;

function spokenDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  const parts = [
    minutes > 0 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '',
    seconds > 0 ? `${seconds} seconds` : '',
  ].filter((part) => part !== '');
  return parts.join(' ');
}

/**
 * What a screen reader hears, politely: the words change only at key moments
 * (a new cycle, every 30 seconds of it, the last 15 seconds, a prompt coming
 * due), never every second, so a live region reading them speaks only then.
 */
export function cprAnnouncement(reading: CprReading): string {
  if (reading.state === 'not-started') return '';
  if (reading.state === 'stopped') return 'CPR clock stopped.';
  const prompts = reading.due.map((prompt) => `${PROMPT_SPOKEN[prompt.id]}.`).join(' ');
  if (reading.due.some((prompt) => prompt.id === 'rhythm-check')) return `Cycle ${reading.cycle} ended. ${prompts}`;
  const left = reading.preparing
    ? `${spokenDuration(PREPARE_MS)} left: get ready for the rhythm check.`
    : `${spokenDuration(Math.ceil(reading.leftMs / HALF_MINUTE) * HALF_MINUTE)} left.`;
  return [`Cycle ${reading.cycle}: ${left}`, prompts].filter((part) => part !== '').join(' ');
}
