// The CPR clock's taps as the log keeps them (note data): written, read back
// from untrusted storage, and put in words for the Log.
import { describe, expect, it } from 'vitest';
import { CPR_MARK_KINDS, cprNoteData, describeCprNote, parseCprNote } from '../../src/engine';

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
