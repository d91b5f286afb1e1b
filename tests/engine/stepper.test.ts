// The runner's pure stepper gives exactly what XState's own pure transition
// gives (snapshot and the actions it asked for), without building an actor
// and a throw-away start state for every event.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { compileSop, stepperFor, type SopEvent } from '../../src/engine';
import { fixtureDoc } from './fixtures/loadFixture';

const triage = fixtureDoc('triageSop');
const collapse = fixtureDoc('collapseSop');
const input = { modality: 'ct' as const, startedAt: 0 };
const walk: SopEvent[] = [
  { type: 'ANSWER', option: 'stable', at: 1000 },
  { type: 'CONTACT', outcome: 'noAnswer', at: 2000 },
  { type: 'TIMER_EXPIRED', at: 2000 + 10 * 60_000 },
  { type: 'COLLAPSE', at: 2000 + 11 * 60_000 },
];

// Actions name the same effects; records (what reaches the log) are compared in full.
const effects = (actions: ReadonlyArray<{ type: string; params?: unknown }>) =>
  actions.map((a) => (a.type === 'emitRecord' ? [a.type, a.params] : [a.type]));
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (key, item) => (key === 'children' || typeof item === 'function' ? undefined : item)));

describe('stepperFor', () => {
  it('walks an SOP to the same snapshots and actions as xstate transition()', () => {
    const machine = compileSop(triage, { collapse });
    const stepper = stepperFor(machine);
    let [ours, ourActions] = stepper.initial(input);
    let [theirs, theirActions] = initialTransition(machine, input);
    expect(plain(ours)).toEqual(plain(theirs));
    expect(effects(ourActions)).toEqual(effects(theirActions));
    for (const event of walk) {
      [ours, ourActions] = stepper.next(ours, event);
      [theirs, theirActions] = transition(machine, theirs, event);
      expect(plain(ours)).toEqual(plain(theirs));
      expect(effects(ourActions)).toEqual(effects(theirActions));
    }
    expect(ours.context.collapsedAt).toBe(2000 + 11 * 60_000);
  });

  it('keeps one stepper per machine and never mixes the actions of two steps', () => {
    const machine = compileSop(triage);
    const stepper = stepperFor(machine);
    expect(stepperFor(machine)).toBe(stepper);
    const [start, startActions] = stepper.initial(input);
    const [, nextActions] = stepper.next(start, walk[0]!);
    expect(startActions.length).toBeGreaterThan(0);
    expect(nextActions.some((a) => startActions.includes(a))).toBe(false);
  });
});
