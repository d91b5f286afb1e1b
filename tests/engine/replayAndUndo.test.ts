// Pure replay: the stored events rebuild exactly the state the live run
// reached, and UNDO takes back the latest step (with any ticks after it).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { compileSop, foldUndo, parseSopEvent, replaySop, type LoggedEvent, type SopEvent, type StepRecord } from '../../src/engine';
import { startRun } from '../support/sopDriver';
import { fixtureDoc } from './fixtures/loadFixture';

const triage = fixtureDoc('triageSop');
const collapse = fixtureDoc('collapseSop');
const at = (n: number) => n * 1000;

afterEach(() => vi.useRealTimers());

describe('replaySop', () => {
  it('rebuilds the live run exactly, including a wait that timed out', () => {
    const run = startRun(triage, { modality: 'ct', startedAt: 0 });
    run.advance('20s').choose('stable').advance('40s').contact('noAnswer');
    const deadline = run.context.deadline!;
    run.advance('10m').expectStep('escalateConsultant').advance('1m').contact('noAnswer').tick('repeatObs').continue();
    const events: SopEvent[] = [...run.events];
    events.splice(2, 0, { type: 'TIMER_EXPIRED', at: deadline });
    const replayed = replaySop(run.machine, { modality: 'ct', startedAt: 0 }, events);
    expect(replayed.value).toEqual(run.snapshot.value);
    expect(replayed.context).toEqual(run.context);
  });

  it('emits no records and starts no timers', () => {
    const records: StepRecord[] = [];
    const machine = compileSop(triage, { onRecord: (r) => records.push(r) });
    const snapshot = replaySop(machine, { modality: 'echo', startedAt: 0 }, [
      { type: 'ANSWER', option: 'stable', at: at(1) },
      { type: 'CONTACT', outcome: 'noAnswer', at: at(2) },
    ]);
    expect(snapshot.value).toBe('waitRegistrar');
    expect(snapshot.context.deadline).toBe(at(2) + 10 * 60_000);
    expect(records).toEqual([]);
  });

  it('ignores a TIMER_EXPIRED stamped before the deadline', () => {
    const machine = compileSop(triage);
    const snapshot = replaySop(machine, { modality: 'echo', startedAt: 0 }, [
      { type: 'ANSWER', option: 'stable', at: at(1) },
      { type: 'CONTACT', outcome: 'noAnswer', at: at(2) },
      { type: 'TIMER_EXPIRED', at: at(3) },
    ]);
    expect(snapshot.value).toBe('waitRegistrar');
  });
});

describe('foldUndo', () => {
  const answer = (option: string, n: number): SopEvent => ({ type: 'ANSWER', option, at: at(n) });
  const tick = (item: string, n: number): SopEvent => ({ type: 'TICK', item, checked: true, at: at(n) });
  const undo = (n: number): LoggedEvent => ({ type: 'UNDO', at: at(n) });
  const cont = (n: number): SopEvent => ({ type: 'CONTINUE', at: at(n) });

  it('removes the latest step-moving event and the ticks after it', () => {
    expect(foldUndo([answer('unstable', 1), tick('stayWithPatient', 2), cont(3), tick('repeatObs', 4), undo(5)]))
      .toEqual([answer('unstable', 1), tick('stayWithPatient', 2)]);
  });

  it('undoes step after step', () => {
    expect(foldUndo([answer('unstable', 1), cont(2), undo(3), undo(4)])).toEqual([]);
    expect(foldUndo([answer('unstable', 1), undo(2), answer('stable', 3)])).toEqual([answer('stable', 3)]);
  });

  it('ignores an UNDO with nothing to undo', () => {
    expect(foldUndo([undo(1), answer('stable', 2)])).toEqual([answer('stable', 2)]);
    expect(foldUndo([tick('x', 1), undo(2)])).toEqual([tick('x', 1)]);
  });

  it('never undoes a collapse, but undoes steps inside it', () => {
    const collapseEvent: SopEvent = { type: 'COLLAPSE', at: at(2) };
    expect(foldUndo([answer('stable', 1), collapseEvent, undo(3)])).toEqual([answer('stable', 1), collapseEvent]);
    expect(foldUndo([answer('stable', 1), collapseEvent, answer('no', 3), undo(4)])).toEqual([answer('stable', 1), collapseEvent]);
  });

  it('replayed, brings the run back to the step before', () => {
    const machine = compileSop(triage, { collapse });
    const events = foldUndo([answer('unstable', 1), tick('stayWithPatient', 2), cont(3), undo(4)]);
    const snapshot = replaySop(machine, { modality: 'echo', startedAt: 0 }, events);
    expect(snapshot.value).toBe('safety');
    expect(snapshot.context.ticks).toEqual({ safety: { stayWithPatient: true } });
  });
});

describe('parseSopEvent', () => {
  it('accepts a well-formed event and refuses anything else', () => {
    expect(parseSopEvent({ type: 'ANSWER', option: 'stable', at: 5 })).toEqual({ type: 'ANSWER', option: 'stable', at: 5 });
    expect(parseSopEvent({ type: 'ANSWER', option: 'stable' })).toBeNull();
    expect(parseSopEvent({ type: 'ANSWER', option: 'stable', at: 5, extra: 1 })).toBeNull();
    expect(parseSopEvent({ type: 'TICK', item: 'x', checked: 'yes', at: 5 })).toBeNull();
    expect(parseSopEvent({ type: 'UNDO', at: 5 })).toBeNull();
    expect(parseSopEvent('ANSWER')).toBeNull();
  });
});

describe('the record callback', () => {
  it('can be replaced with machine.provide', () => {
    const seen: StepRecord[] = [];
    const machine = compileSop(triage).provide({ actions: { emitRecord: (_, record) => { seen.push(record as StepRecord); } } });
    const actor = createActor(machine, { input: { modality: 'echo', startedAt: 7 } }).start();
    actor.send({ type: 'ANSWER', option: 'unstable', at: 9 });
    actor.stop();
    expect(seen.map((r) => [r.type, r.stepId, r.at])).toEqual([
      ['step-entered', 'whichScanner', 7], ['step-entered', 'assess', 7], ['answered', 'assess', 9], ['step-entered', 'safety', 9],
    ]);
  });
});
