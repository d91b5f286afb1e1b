// The CPR clock's taps as the log keeps them (note data): written, read back
// from untrusted storage, and put in words for the Log.
import { describe, expect, it } from 'vitest';
import { CPR_MARK_KINDS, buildSbar, cprNoteData, describeCpr, describeCprNote, parseCprNote, type CprMark, type StepOfKind } from '../../src/engine';
import { collapseSop } from '../../src/sops';
import { startRun } from '../support/sopDriver';

const AT = Date.UTC(2026, 0, 12, 10, 0, 0);

describe('CPR taps in the log', () => {
  it('round-trips every kind through a note', () => {
    for (const kind of CPR_MARK_KINDS) {
      const data = JSON.parse(JSON.stringify(cprNoteData({ kind }, 2))) as unknown;
      expect(parseCprNote(data, AT)).toEqual({ kind, at: AT });
    }
    const stop = cprNoteData({ kind: 'stopped', reason: 'rosc' }, 4);
    expect(stop).toEqual({ cpr: 'stopped', cycle: 4, reason: 'rosc' });
    expect(parseCprNote(stop, AT)).toEqual({ kind: 'stopped', at: AT, reason: 'rosc' });
  });

  it('refuses what is not a CPR tap, or is malformed', () => {
    for (const data of [null, 'x', {}, { localRef: 'A1' }, { ambulance: 'arrived' }, { cpr: 'compressions' }, { cpr: 'started', reason: 'rosc' }, { cpr: 'stopped', reason: 'bored' }]) {
      expect(parseCprNote(data, AT), JSON.stringify(data)).toBeNull();
    }
    expect(parseCprNote({ cpr: 'started' }, Number.NaN)).toBeNull();
    expect(parseCprNote({ cpr: 'started' }, '12:00')).toBeNull();
  });

  it('says in words what each tap was, with its cycle', () => {
    expect(describeCprNote({ cpr: 'started', cycle: 1 })).toBe('CPR clock started: cycle 1 of 2 minutes');
    expect(describeCprNote({ cpr: 'rhythm-checked', cycle: 2 })).toBe('CPR: rhythm checked at the end of cycle 2, cycle 3 started');
    expect(describeCprNote({ cpr: 'compressor-swapped', cycle: 2 })).toBe('CPR: compressor swapped (cycle 2)');
    expect(describeCprNote({ cpr: 'adrenaline-given', cycle: 3 })).toBe('CPR: adrenaline given (cycle 3)');
    expect(describeCprNote({ cpr: 'stopped', cycle: 5, reason: 'rosc' })).toBe('CPR clock stopped: signs of life (ROSC) (in cycle 5)');
    expect(describeCprNote({ cpr: 'stopped', reason: 'handed-over' })).toBe('CPR clock stopped: the arrest team or ambulance crew took over');
    expect(describeCprNote({ cpr: 'rhythm-checked', cycle: 'two' })).toBe('CPR: rhythm checked, next cycle started');
    expect(describeCprNote({ observations: {} })).toBeNull();
  });
});

/** Local clock time, as the hand-over says it (the test runs in any time zone). */
const hhmm = (ms: number) => new Date(ms).toTimeString().slice(0, 5);
const MIN = 60_000;

describe('CPR times in the hand-over', () => {
  const collapsedAt = AT;
  const marks: CprMark[] = [
    { kind: 'started', at: AT + 1 * MIN },
    { kind: 'rhythm-checked', at: AT + 3 * MIN },
    { kind: 'compressor-swapped', at: AT + 3 * MIN },
    { kind: 'adrenaline-given', at: AT + 4 * MIN },
    { kind: 'rhythm-checked', at: AT + 5 * MIN },
    { kind: 'compressor-swapped', at: AT + 5 * MIN },
    { kind: 'stopped', at: AT + 6 * MIN, reason: 'rosc' },
  ];

  it('says when the collapse was called, when CPR started, each rhythm check and dose with its time, the swaps, and why it stopped', () => {
    expect(describeCpr(marks, collapsedAt)).toBe(
      `CPR: collapse called at ${hhmm(AT)}; CPR clock started at ${hhmm(AT + MIN)}; rhythm checked at ${hhmm(AT + 3 * MIN)}, ${hhmm(AT + 5 * MIN)} (2 checks); `
      + `compressor swapped 2 times; adrenaline given at ${hhmm(AT + 4 * MIN)}; CPR stopped at ${hhmm(AT + 6 * MIN)}: signs of life (ROSC).`,
    );
  });

  it('says plainly what has not happened yet, and nothing when the clock was never used', () => {
    expect(describeCpr(marks.slice(0, 1), collapsedAt)).toBe(
      `CPR: collapse called at ${hhmm(AT)}; CPR clock started at ${hhmm(AT + MIN)}; no rhythm check tapped yet; no adrenaline recorded; CPR still going.`,
    );
    expect(describeCpr([], collapsedAt)).toBe('');
    // Restarted after signs of life were lost: the earlier stop is history, CPR is going again.
    const restarted = [...marks, { kind: 'started' as const, at: AT + 8 * MIN }];
    expect(describeCpr(restarted, collapsedAt)).toContain(`CPR clock started at ${hhmm(AT + MIN)} and ${hhmm(AT + 8 * MIN)}`);
    expect(describeCpr(restarted, collapsedAt)).toMatch(/CPR still going\.$/);
  });

  it('is in the SBAR read to the next call in a collapse, after the findings', () => {
    const run = startRun(collapseSop, { modality: 'echo' }).choose('notBreathing');
    const callArrest = collapseSop.steps.find((step) => step.id === 'callArrest') as StepOfKind<'contact'>;
    const withCpr = buildSbar(collapseSop, run.snapshot, callArrest, { modality: 'echo', cpr: marks });
    expect(withCpr.assessment).toContain(`CPR: CPR clock started at ${hhmm(AT + MIN)}`);
    expect(withCpr.assessment).toContain(`adrenaline given at ${hhmm(AT + 4 * MIN)}`);
    expect(withCpr.assessment.indexOf('Findings:')).toBeLessThan(withCpr.assessment.indexOf('CPR:'));
    expect(buildSbar(collapseSop, run.snapshot, callArrest, { modality: 'echo' }).assessment).not.toContain('CPR:');
  });
});
