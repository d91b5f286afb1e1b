// The CPR clock's pure reading: time since collapse, cycles of 2 minutes, the
// prompts due (RCUK 2025 ALS), a restore from the logged taps alone (a reload),
// and a tablet clock that jumps forwards or back.
import { describe, expect, it } from 'vitest';
import { cprNoteData, parseCprNote, type CprMark } from '../../../../src/engine';
import {
  ADRENALINE_EARLIEST_MS, ADRENALINE_LATEST_MS, CYCLE_MS, NEW_CYCLE_GUARD_MS, PREPARE_MS,
  acceptsNewCycle, cprAnnouncement, readCprClock, type CprClockInput,
} from '../../../../src/features/runner/cpr/cprClock';

const T0 = Date.UTC(2026, 0, 12, 10, 0, 0);
const S = 1000;
const MIN = 60 * S;
const COLLAPSE = T0;
const START = T0 + 40 * S;

const mark = (kind: CprMark['kind'], at: number, reason?: CprMark['reason']): CprMark => (reason ? { kind, at, reason } : { kind, at });
const read = (marks: CprMark[], now: number, extra: Partial<CprClockInput> = {}) =>
  readCprClock({ collapseAt: COLLAPSE, marks, now, adrenaline: false, ...extra });
const dueIds = (marks: CprMark[], now: number, extra: Partial<CprClockInput> = {}) => read(marks, now, extra).due.map((p) => p.id);

describe('before CPR starts', () => {
  it('counts time since collapse and has no cycle or prompt', () => {
    const reading = read([], T0 + 25 * S);
    expect(reading).toMatchObject({ state: 'not-started', sinceCollapseMs: 25 * S, cycle: 0, deadline: null, leftMs: 0, due: [] });
    expect(cprAnnouncement(reading)).toBe('');
  });

  it('has no time since collapse when the collapse time is unknown', () => {
    expect(read([], T0, { collapseAt: null }).sinceCollapseMs).toBeNull();
  });
});

describe('cycles of 2 minutes', () => {
  const started = [mark('started', START)];

  it('starts cycle 1 with 2 minutes left, counting down from the stored start', () => {
    expect(read(started, START)).toMatchObject({ state: 'running', cycle: 1, cycleStartedAt: START, deadline: START + CYCLE_MS, leftMs: CYCLE_MS, overdueMs: 0, due: [] });
    const later = read(started, START + 47 * S);
    expect(later.leftMs).toBe(CYCLE_MS - 47 * S);
    expect(later.sinceCollapseMs).toBe(87 * S);
  });

  it('gets ready in the last 15 seconds, then the rhythm check and the swap come due together at 2 minutes', () => {
    expect(read(started, START + CYCLE_MS - PREPARE_MS - 1).preparing).toBe(false);
    expect(read(started, START + CYCLE_MS - PREPARE_MS).preparing).toBe(true);
    expect(dueIds(started, START + CYCLE_MS - 1)).toEqual([]);
    const due = read(started, START + CYCLE_MS);
    expect(due.due).toEqual([
      { id: 'rhythm-check', text: 'Rhythm check — pause compressions < 10 s' },
      { id: 'swap-compressor', text: 'Swap compressor' },
    ]);
    expect(due).toMatchObject({ leftMs: 0, preparing: false, overdueMs: 0 });
    expect(read(started, START + CYCLE_MS + 12 * S).overdueMs).toBe(12 * S);
  });

  it('"rhythm checked" starts the next cycle from the tap, whenever it comes', () => {
    const checkedLate = [...started, mark('compressor-swapped', START + CYCLE_MS + 3 * S), mark('rhythm-checked', START + CYCLE_MS + 8 * S)];
    expect(read(checkedLate, START + CYCLE_MS + 8 * S)).toMatchObject({ cycle: 2, leftMs: CYCLE_MS, due: [] });
    expect(read(checkedLate, START + CYCLE_MS + 68 * S).leftMs).toBe(CYCLE_MS - 60 * S);
    // Early, on the defibrillator's own prompt.
    const early = [...started, mark('rhythm-checked', START + 90 * S)];
    expect(read(early, START + 90 * S)).toMatchObject({ cycle: 2, deadline: START + 90 * S + CYCLE_MS });
  });

  it('the swap prompt stays until the swap is tapped, and a swap while getting ready counts', () => {
    const noSwap = [...started, mark('rhythm-checked', START + CYCLE_MS + 5 * S)];
    expect(dueIds(noSwap, START + CYCLE_MS + 30 * S)).toEqual(['swap-compressor']);
    expect(dueIds([...noSwap, mark('compressor-swapped', START + CYCLE_MS + 31 * S)], START + CYCLE_MS + 32 * S)).toEqual([]);
    const readyEarly = [...started, mark('compressor-swapped', START + CYCLE_MS - 10 * S)];
    expect(dueIds(readyEarly, START + CYCLE_MS)).toEqual(['rhythm-check']);
    // A swap for fatigue mid-cycle does not stand for the next rhythm check's.
    const midCycle = [...started, mark('compressor-swapped', START + 60 * S)];
    expect(dueIds(midCycle, START + CYCLE_MS)).toEqual(['rhythm-check', 'swap-compressor']);
  });

  it('counts cycles and swaps over many taps', () => {
    const marks = [...started];
    for (let i = 1; i <= 5; i += 1) {
      marks.push(mark('compressor-swapped', START + i * CYCLE_MS), mark('rhythm-checked', START + i * CYCLE_MS + 4 * S));
    }
    expect(read(marks, START + 5 * CYCLE_MS + 10 * S)).toMatchObject({ cycle: 6, swaps: 5, lastSwapAt: START + 5 * CYCLE_MS, due: [] });
  });

  it('ignores a second start while running, and any tap before a start', () => {
    const marks = [mark('rhythm-checked', START - 5 * S), mark('compressor-swapped', START - 4 * S), ...started, mark('started', START + 30 * S)];
    expect(read(marks, START + 30 * S)).toMatchObject({ cycle: 1, cycleStartedAt: START, swaps: 0 });
  });
});

describe('adrenaline (only where the local pathway gives it)', () => {
  const started = [mark('started', START)];

  it('is never prompted, nor timed, when the pathway does not give it', () => {
    const given = [...started, mark('adrenaline-given', START + 10 * S)];
    const reading = read(given, START + 10 * MIN);
    expect(reading.adrenaline).toBeNull();
    expect(reading.due.map((p) => p.id)).not.toContain('adrenaline');
  });

  it('is not "due" before the first dose (when the first dose goes depends on the rhythm)', () => {
    const reading = read(started, START + 6 * MIN, { adrenaline: true });
    expect(reading.adrenaline).toEqual({ doses: 0, lastAt: null, nextFrom: null, nextBy: null });
    expect(reading.due.map((p) => p.id)).not.toContain('adrenaline');
  });

  it('after a dose, comes due at the rhythm check 3 to 5 minutes on: every other cycle', () => {
    const on = { adrenaline: true };
    const dose = START + CYCLE_MS + 10 * S; // just after the first rhythm check
    const marks = [...started, mark('compressor-swapped', START + CYCLE_MS), mark('rhythm-checked', START + CYCLE_MS + 5 * S), mark('adrenaline-given', dose)];
    expect(read(marks, dose, on).adrenaline).toEqual({ doses: 1, lastAt: dose, nextFrom: dose + ADRENALINE_EARLIEST_MS, nextBy: dose + ADRENALINE_LATEST_MS });
    // The next rhythm check (less than 3 minutes after the dose): not yet.
    const check2 = START + 2 * CYCLE_MS + 5 * S;
    expect(dueIds(marks, check2, on)).toEqual(['rhythm-check', 'swap-compressor']);
    const second = [...marks, mark('compressor-swapped', check2), mark('rhythm-checked', check2 + 5 * S)];
    // Mid-cycle, 3 minutes on: waits for the rhythm check, so compressions are not interrupted for it.
    expect(dueIds(second, dose + ADRENALINE_EARLIEST_MS + 20 * S, on)).toEqual([]);
    // The rhythm check after that (about 4 minutes on): due, and it stays due once the check is tapped.
    const check3 = check2 + 5 * S + CYCLE_MS;
    expect(dueIds(second, check3, on)).toEqual(['rhythm-check', 'swap-compressor', 'adrenaline']);
    const third = [...second, mark('compressor-swapped', check3), mark('rhythm-checked', check3 + 5 * S)];
    expect(dueIds(third, check3 + 6 * S, on)).toEqual(['adrenaline']);
    expect(dueIds([...third, mark('adrenaline-given', check3 + 20 * S)], check3 + 21 * S, on)).toEqual([]);
  });

  it('is due by 5 minutes after the last dose however the rhythm checks fall', () => {
    const dose = START + 30 * S;
    for (const early of [40, 100, 170, 205]) {
      const marks = [...started, mark('adrenaline-given', dose), mark('rhythm-checked', dose + early * S), mark('compressor-swapped', dose + early * S)];
      expect(dueIds(marks, dose + ADRENALINE_LATEST_MS, { adrenaline: true }), `check ${early} s after the dose`).toContain('adrenaline');
    }
  });

  it('is due at 5 minutes even when a clock set back logged the last rhythm check before the dose', () => {
    const dose = START + 10 * MIN;
    const marks = [...started, mark('adrenaline-given', dose), mark('rhythm-checked', START + MIN), mark('compressor-swapped', START + MIN)];
    expect(dueIds(marks, dose + ADRENALINE_LATEST_MS - 1, { adrenaline: true })).not.toContain('adrenaline');
    expect(dueIds(marks, dose + ADRENALINE_LATEST_MS, { adrenaline: true })).toContain('adrenaline');
  });
});

describe('stopping and starting again', () => {
  it('ROSC stops the clock, with its reason; no prompt while stopped', () => {
    const marks = [mark('started', START), mark('stopped', START + 3 * MIN, 'rosc')];
    const reading = read(marks, START + 10 * MIN);
    expect(reading).toMatchObject({ state: 'stopped', stoppedAt: START + 3 * MIN, stopReason: 'rosc', cycle: 1, deadline: null, due: [] });
    expect(reading.sinceCollapseMs).toBe(START + 10 * MIN - COLLAPSE);
    expect(cprAnnouncement(reading)).toBe('CPR clock stopped.');
  });

  it('a tap after a stop is ignored until CPR starts again, which begins at cycle 1 (adrenaline doses carry over)', () => {
    const marks = [
      mark('started', START), mark('adrenaline-given', START + 60 * S), mark('stopped', START + 3 * MIN, 'rosc'),
      mark('rhythm-checked', START + 4 * MIN), mark('started', START + 6 * MIN),
    ];
    const reading = read(marks, START + 6 * MIN + 10 * S, { adrenaline: true });
    expect(reading).toMatchObject({ state: 'running', cycle: 1, cycleStartedAt: START + 6 * MIN, stoppedAt: null, stopReason: null });
    expect(reading.adrenaline?.doses).toBe(1);
    // More than 5 minutes since that dose: due at once.
    expect(reading.due.map((p) => p.id)).toEqual(['adrenaline']);
  });
});

describe('restoring from the log (a reload mid-cycle)', () => {
  it('reads the same clock from the taps as stored in notes as it did before', () => {
    const marks = [mark('started', START), mark('compressor-swapped', START + CYCLE_MS), mark('rhythm-checked', START + CYCLE_MS + 6 * S), mark('adrenaline-given', START + CYCLE_MS + 20 * S)];
    const now = START + CYCLE_MS + 6 * S + 73 * S;
    const before = read(marks, now, { adrenaline: true });
    // As the log holds them: a note's data and its time, read back through the parser.
    const stored = marks.map((m, i) => ({ data: JSON.parse(JSON.stringify(cprNoteData(m, i + 1))) as unknown, at: m.at }));
    const restored = stored.map((row) => parseCprNote(row.data, row.at)).filter((m): m is CprMark => m !== null);
    expect(restored).toEqual(marks);
    const after = read(restored, now, { adrenaline: true });
    expect(after).toEqual(before);
    expect(after).toMatchObject({ cycle: 2, leftMs: CYCLE_MS - 73 * S });
  });

  it('a reload after the tablet slept through the end of a cycle shows the check overdue at once', () => {
    const reading = read([mark('started', START)], START + CYCLE_MS + 95 * S);
    expect(reading).toMatchObject({ cycle: 1, leftMs: 0, overdueMs: 95 * S });
    expect(reading.due[0]?.id).toBe('rhythm-check');
  });
});

describe('the tablet clock jumps', () => {
  it('set back before the collapse: time since collapse reads 0, never negative', () => {
    expect(read([], COLLAPSE - 5 * MIN).sinceCollapseMs).toBe(0);
  });

  it('set back mid-cycle: the cycle shows at most 2 minutes left, nothing due, and the next tap still starts a cycle', () => {
    const started = [mark('started', START)];
    const reading = read(started, START - 30 * MIN);
    expect(reading).toMatchObject({ state: 'running', leftMs: CYCLE_MS, overdueMs: 0, due: [] });
    expect(acceptsNewCycle(reading, START - 30 * MIN)).toBe(true);
  });

  it('taps logged out of time order (a clock set back between them) are taken in the order logged', () => {
    const marks = [mark('started', START), mark('rhythm-checked', START + CYCLE_MS), mark('rhythm-checked', START + 10 * S)];
    const reading = read(marks, START + 20 * S);
    expect(reading).toMatchObject({ cycle: 3, cycleStartedAt: START + 10 * S, leftMs: CYCLE_MS - 10 * S });
  });

  it('jumped forward: the check is overdue by the jump, and the swap and the check are both due', () => {
    const reading = read([mark('started', START)], START + 2 * 60 * MIN);
    expect(reading.overdueMs).toBe(2 * 60 * MIN - CYCLE_MS);
    expect(reading.due.map((p) => p.id)).toEqual(['rhythm-check', 'swap-compressor']);
    expect(reading.sinceCollapseMs).toBe(START + 2 * 60 * MIN - COLLAPSE);
  });
});

describe('a bounce is not a new cycle', () => {
  it('refuses a second "new cycle" within 5 seconds of the last, and any while not running', () => {
    const marks = [mark('started', START), mark('rhythm-checked', START + CYCLE_MS)];
    const reading = read(marks, START + CYCLE_MS + 1 * S);
    expect(acceptsNewCycle(reading, START + CYCLE_MS + NEW_CYCLE_GUARD_MS - 1)).toBe(false);
    expect(acceptsNewCycle(reading, START + CYCLE_MS + NEW_CYCLE_GUARD_MS)).toBe(true);
    expect(acceptsNewCycle(read([], T0), T0)).toBe(false);
    expect(acceptsNewCycle(read([...marks, mark('stopped', START + CYCLE_MS + 30 * S, 'handed-over')], START + 5 * MIN), START + 5 * MIN)).toBe(false);
  });
});

describe('what a screen reader hears', () => {
  const started = [mark('started', START)];
  const say = (now: number, marks = started) => cprAnnouncement(read(marks, now));

  it('changes only every 30 seconds, in the last 15 seconds and when a prompt comes due', () => {
    const spoken = new Set<string>();
    for (let t = START; t <= START + CYCLE_MS + 5 * S; t += S) spoken.add(say(t));
    expect([...spoken]).toEqual([
      'Cycle 1: 2 minutes left.',
      'Cycle 1: 1 minute 30 seconds left.',
      'Cycle 1: 1 minute left.',
      'Cycle 1: 30 seconds left.',
      'Cycle 1: 15 seconds left: get ready for the rhythm check.',
      'Cycle 1 ended. Rhythm check: pause compressions for less than 10 seconds. Swap compressor.',
    ]);
    // Each phrase comes when its 30 seconds begin, not before.
    expect(say(START + 29 * S)).toBe('Cycle 1: 2 minutes left.');
    expect(say(START + 30 * S)).toBe('Cycle 1: 1 minute 30 seconds left.');
    expect(say(START + 90 * S)).toBe('Cycle 1: 30 seconds left.');
  });

  it('names a prompt still due in the next cycle', () => {
    const marks = [...started, mark('rhythm-checked', START + CYCLE_MS)];
    expect(say(START + CYCLE_MS + 10 * S, marks)).toBe('Cycle 2: 2 minutes left. Swap compressor.');
  });
});
