// A clock's tick that comes while a tap's record is being saved is drawn just
// after the frame that shows the tap's step, never in that frame (a tick in
// it made the tap late: screen/tapClockHold.ts). The controller tells when the
// save has ended; the episode screen holds its clocks until then, and a frame.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { hashSop } from '../../../../src/engine';
import { createMemoryEpisodeStore } from '../../../../src/features/runner/episode/memoryEpisodeStore';
import { createDbEpisodeStore } from '../../../../src/features/runner/episode/dbEpisodeStore';
import { startEpisodeRun } from '../../../../src/features/runner/episode/openEpisode';
import { stepOf } from '../../../../src/features/runner/episode/runModel';
import type { EpisodeStore } from '../../../../src/features/runner/episode/episodeStore';
import { openLogDb } from '../../../../src/db/database';
import { HOLD_AT_MOST_MS } from '../../../../src/features/runner/screen/tapClockHold';
import { holdFrames, openSop, stopRunnerClock, useRunnerClock } from '../runnerDriver';
import { testAf, testCollapse } from '../fixtures';

const T0 = Date.UTC(2026, 11, 8, 9, 0, 0);

/** `store` with its appends held at a gate until the test opens it; `failNext` makes the next append fail. */
function gated(store: EpisodeStore) {
  let open: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  let failing = false;
  const held: EpisodeStore = {
    ...store,
    async append(episodeId, events) {
      if (gate) await gate;
      if (failing) {
        failing = false;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return store.append(episodeId, events);
    },
  };
  return {
    store: held,
    close() {
      gate = new Promise<void>((resolve) => {
        open = () => {
          gate = null;
          resolve();
        };
      });
    },
    open: () => open(),
    failNext: () => void (failing = true),
  };
}

const turns = async (count = 20) => {
  for (let i = 0; i < count; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('the controller tells when a tap\'s record has been saved', () => {
  async function started() {
    const gate = gated(createMemoryEpisodeStore());
    const controller = await startEpisodeRun(gate.store, {
      doc: testAf, sopHash: await hashSop(testAf), collapse: testCollapse,
      identity: { site: 'CDC North', modality: 'echo', operatorRole: '' }, appVersion: '1.0.0', at: T0,
    });
    return { controller, gate };
  }
  const stepShown = (controller: Awaited<ReturnType<typeof started>>['controller']) => stepOf(controller.model, controller.getView().snapshot)?.stepId;

  it('runs at once when nothing is being saved', async () => {
    const { controller } = await started();
    const runs: boolean[] = [];
    controller.afterTapSaved((waited) => runs.push(waited));
    expect(runs).toEqual([false]);
  });

  it('waits for a tap\'s write, and runs once the view shows the step it saved', async () => {
    const { controller, gate } = await started();
    expect(stepShown(controller)).toBe('adverse');
    gate.close();
    const tap = controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 });
    const runs: Array<{ waited: boolean; step: string | undefined }> = [];
    controller.afterTapSaved((waited) => runs.push({ waited, step: stepShown(controller) }));
    await turns();
    expect(runs).toEqual([]);
    gate.open();
    await tap;
    expect(runs).toEqual([{ waited: true, step: 'safety' }]);
  });

  it('is not run once cancelled', async () => {
    const { controller, gate } = await started();
    gate.close();
    const tap = controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 });
    const run = vi.fn();
    controller.afterTapSaved(run)();
    gate.open();
    await tap;
    expect(run).not.toHaveBeenCalled();
  });

  it('runs when the write fails, and at once afterwards while the failed tap waits for Try again', async () => {
    const { controller, gate } = await started();
    gate.close();
    gate.failNext();
    const tap = controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 });
    const runs: boolean[] = [];
    controller.afterTapSaved((waited) => runs.push(waited));
    gate.open();
    await tap;
    expect(controller.getView().storageError).not.toBeNull();
    expect(runs).toEqual([true]);
    // The clocks must not stop while the storage error is on screen.
    controller.afterTapSaved((waited) => runs.push(waited));
    expect(runs).toEqual([true, false]);
  });
});

describe('the episode screen\'s clocks during a tap', () => {
  // A gate left shut by a failed test would hold its write for the tests after it.
  const gates: Array<ReturnType<typeof gated>> = [];
  const gatedDbStore = () => {
    const gate = gated(createDbEpisodeStore(openLogDb(`clock-hold-${Date.now()}-${gates.length}`)));
    gates.push(gate);
    return gate;
  };
  beforeEach(() => useRunnerClock());
  afterEach(() => {
    gates.splice(0).forEach((gate) => gate.open());
    stopRunnerClock();
  });

  // The time since the start, as the trail shows it.
  const elapsed = () => within(screen.getByRole('region', { name: 'Where you are' })).getByText(/^\d\d:\d\d$/).textContent;
  const stepHeading = () => [...document.querySelectorAll('h1')].find((heading) => !heading.closest('[inert]'))?.textContent;

  /** Taps "Yes" with its record held at the gate and frames held, and lets the trail's clock tick once meanwhile. */
  async function tickDuringTap() {
    const gate = gatedDbStore();
    const run = await openSop('Fast AF', { store: gate.store });
    await run.advance('5s');
    const before = elapsed();
    const frames = holdFrames();
    gate.close();
    await act(async () => {
      await run.user.click(screen.getByRole('button', { name: /^Yes(,|$)/ }));
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    return { gate, frames, before };
  }

  it('draw a tick that comes during a tap just after the frame showing the tap\'s step, not in it', async () => {
    const { gate, frames, before } = await tickDuringTap();
    // The trail's clock ticked while the tap's record is being saved: not drawn yet.
    expect(elapsed()).toBe(before);
    // Saved: the step shows, in a frame of its own.
    gate.open();
    for (let i = 0; i < 200 && stepHeading() !== 'Keep the patient safe while you call'; i += 1) await act(() => turns(1));
    expect(stepHeading()).toBe('Keep the patient safe while you call');
    expect(elapsed()).toBe(before);
    // That frame painted, the tick is drawn, with the time as it is then.
    await frames.paint();
    expect(elapsed()).not.toBe(before);
  });

  it('do not wait on a slow save for more than a moment', async () => {
    const { before } = await tickDuringTap();
    expect(elapsed()).toBe(before);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(HOLD_AT_MOST_MS);
    });
    // The record is still not saved, and the clock has moved on.
    expect(stepHeading()).toBe('Any adverse features?');
    expect(elapsed()).not.toBe(before);
  });

  it('tick at once between taps', async () => {
    const run = await openSop('Fast AF');
    await run.advance('5s');
    const before = elapsed();
    holdFrames();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(elapsed()).not.toBe(before);
  });
});
