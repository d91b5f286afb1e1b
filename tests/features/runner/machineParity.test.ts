// The machine runs one way in the app and in the clinical tests: both step it
// with the pure stepper (runModel.nextStep in the runner, replaySop in
// tests/clinical/walkVignette.ts), and neither runs its timers as an actor.
// A wait's expiry comes from useWaitExpiry in the app and is sent directly by
// the clinical walk, both as TIMER_EXPIRED stamped with the deadline. This
// test proves those paths land where a live XState actor does when its own
// timer (the invoked waitTimer / `after`) fires: same state, context and records.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import { createActor } from 'xstate';
import { compileSop, replaySop, type SopEvent, type StepRecord } from '../../../src/engine';
import { createRunModel, firstStep, nextStep } from '../../../src/features/runner/episode/runModel';
import { useWaitExpiry } from '../../../src/features/runner/timers/useWaitExpiry';
import { testAf } from './fixtures';

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const MINUTE = 60_000;
const input = { modality: 'echo' as const, startedAt: T0 };
/** Up to the wait for a call back (10 minutes), whose deadline is the no-answer's time plus 10 minutes. */
const toWait: SopEvent[] = [
  { type: 'ANSWER', option: 'yes', at: T0 + 1000 },
  { type: 'CONTINUE', at: T0 + 2000 },
  { type: 'CONTACT', outcome: 'noAnswer', at: T0 + 3000 },
];
const DEADLINE = T0 + 3000 + 10 * MINUTE;

describe('a wait expiring, in the app, in the clinical tests and in a live actor', () => {
  afterEach(() => vi.useRealTimers());

  it('lands on the same step with the same context and records', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0 + 3000);

    // A live actor: the machine's own timer fires.
    const actorRecords: StepRecord[] = [];
    const actor = createActor(compileSop(testAf, { onRecord: (record) => actorRecords.push(record) }), { input });
    actor.start();
    toWait.forEach((event) => actor.send(event));
    expect(actor.getSnapshot().context.deadline).toBe(DEADLINE);
    const beforeExpiry = actorRecords.length;
    vi.advanceTimersByTime(10 * MINUTE);
    const live = actor.getSnapshot();
    actor.stop();

    // The runner: the pure stepper, and useWaitExpiry sending the expiry.
    const model = createRunModel(testAf, undefined, input);
    let snapshot = firstStep(model).snapshot;
    for (const event of toWait) snapshot = nextStep(model, snapshot, event).snapshot;
    vi.setSystemTime(T0 + 3000);
    const expired: number[] = [];
    renderHook(() => useWaitExpiry(snapshot.context.deadline, (deadline) => expired.push(deadline)));
    vi.advanceTimersByTime(10 * MINUTE);
    expect(expired).toEqual([DEADLINE]);
    const runner = nextStep(model, snapshot, { type: 'TIMER_EXPIRED', at: expired[0]! });

    // The clinical walk: replay with the expiry it sends itself.
    const clinical = replaySop(compileSop(testAf), input, [...toWait, { type: 'TIMER_EXPIRED', at: DEADLINE }]);

    expect(live.value).toBe('callConsultant');
    expect(runner.snapshot.value).toEqual(live.value);
    expect(clinical.value).toEqual(live.value);
    expect(runner.snapshot.context).toEqual(live.context);
    expect(clinical.context).toEqual(live.context);
    expect(runner.records).toEqual(actorRecords.slice(beforeExpiry));
    expect(runner.records.map((record) => [record.type, record.at])).toEqual([['timer-expired', DEADLINE], ['step-entered', DEADLINE]]);
  });
});
