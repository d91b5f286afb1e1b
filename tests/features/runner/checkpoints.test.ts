// A tap's log write may sit in the operating system's cache (a relaxed
// commit); the controller owes a strict checkpoint soon after: at the worker's
// first pause, within a bound however fast the taps come, at once when the
// page is hidden, and again after a checkpoint that failed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashSop } from '../../../src/engine';
import { createMemoryEpisodeStore } from '../../../src/features/runner/episode/memoryEpisodeStore';
import { startEpisodeRun } from '../../../src/features/runner/episode/openEpisode';
import type { EpisodeStore } from '../../../src/features/runner/episode/episodeStore';
import { CHECKPOINT_AT_MOST_MS, CHECKPOINT_PAUSE_MS } from '../../../src/features/runner/episode/checkpointSchedule';
import { testAf, testCollapse } from './fixtures';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

/** A memory store that notes when each checkpoint was asked for, and at which head; `failing` makes them fail. */
function watchedStore() {
  const store = createMemoryEpisodeStore();
  const checkpoints: Array<{ at: number; seq: number }> = [];
  const appends: number[] = [];
  let failing = false;
  const watched: EpisodeStore = {
    ...store,
    async append(episodeId, events) {
      const result = await store.append(episodeId, events);
      appends.push(result.seq);
      return result;
    },
    async checkpoint(episodeId, entry) {
      checkpoints.push({ at: Date.now(), seq: entry.seq });
      if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return store.checkpoint(episodeId, entry);
    },
  };
  return { store: watched, checkpoints, appends, fail: (value: boolean) => (failing = value) };
}

async function started() {
  const watched = watchedStore();
  const controller = await startEpisodeRun(watched.store, {
    doc: testAf, sopHash: await hashSop(testAf), collapse: testCollapse,
    identity: { site: 'CDC North', modality: 'echo', operatorRole: '' }, appVersion: '1.0.0', at: T0,
  });
  return { controller, ...watched };
}

/** One write (a note, so it can be repeated on any step) and the time it lands. */
async function tapAfter(controller: Awaited<ReturnType<typeof started>>['controller'], ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await controller.noteAmbulance('called-back');
}

describe('checkpoints of the relaxed log writes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('flushes once, at the head last stored, when the worker pauses after a run of taps', async () => {
    const { controller, checkpoints, appends } = await started();
    for (let tap = 0; tap < 3; tap += 1) await tapAfter(controller, 300);
    const lastTap = Date.now();
    await vi.advanceTimersByTimeAsync(CHECKPOINT_PAUSE_MS - 1);
    expect(checkpoints).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(checkpoints).toEqual([{ at: lastTap + CHECKPOINT_PAUSE_MS, seq: appends.at(-1) }]);
    // Nothing was written since: a long wait owes nothing more.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(checkpoints).toHaveLength(1);
  });

  it('flushes within the bound however fast the taps come, and each checkpoint covers the taps before it', async () => {
    const { controller, checkpoints, appends } = await started();
    await vi.advanceTimersByTimeAsync(CHECKPOINT_PAUSE_MS);
    checkpoints.length = 0;
    const firstTap = Date.now() + 1000;
    // A tap every second for 10 s: never a pause long enough.
    for (let tap = 0; tap < 10; tap += 1) await tapAfter(controller, 1000);
    expect(checkpoints.length).toBeGreaterThanOrEqual(3);
    expect(checkpoints[0]!.at).toBeLessThanOrEqual(firstTap + CHECKPOINT_AT_MOST_MS);
    for (let i = 1; i < checkpoints.length; i += 1) {
      expect(checkpoints[i]!.at - checkpoints[i - 1]!.at).toBeLessThanOrEqual(CHECKPOINT_AT_MOST_MS + 1000);
    }
    await vi.advanceTimersByTimeAsync(CHECKPOINT_PAUSE_MS);
    expect(checkpoints.at(-1)!.seq).toBe(appends.at(-1));
  });

  it('flushes at once when the page is hidden, or as soon as the write in flight lands', async () => {
    const { controller, checkpoints, appends } = await started();
    await tapAfter(controller, 300);
    controller.checkpointNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(checkpoints).toEqual([{ at: Date.now(), seq: appends.at(-1) }]);

    // Hidden while a write is in flight: the checkpoint follows that write, not the pause.
    const landing = controller.noteAmbulance('arrived');
    controller.checkpointNow();
    expect(checkpoints).toHaveLength(1);
    await landing;
    await vi.advanceTimersByTimeAsync(0);
    expect(checkpoints).toHaveLength(2);
    expect(checkpoints[1]!.seq).toBe(appends.at(-1));

    // Hidden again with everything flushed: nothing to write.
    controller.checkpointNow();
    await vi.advanceTimersByTimeAsync(CHECKPOINT_AT_MOST_MS);
    expect(checkpoints).toHaveLength(2);
  });

  it('keeps the debt when a checkpoint fails: the next write, or hiding the page, tries again', async () => {
    const { controller, checkpoints, appends, fail } = await started();
    fail(true);
    await tapAfter(controller, 300);
    await vi.advanceTimersByTimeAsync(CHECKPOINT_PAUSE_MS);
    expect(checkpoints).toHaveLength(1);
    fail(false);
    controller.checkpointNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(checkpoints).toHaveLength(2);
    expect(checkpoints[1]!.seq).toBe(appends.at(-1));
  });

  it('owes nothing once the episode has ended (its end is written strictly)', async () => {
    const { controller, checkpoints } = await started();
    await tapAfter(controller, 300);
    expect(await controller.abandon('Test')).toBe(true);
    controller.checkpointNow();
    await vi.advanceTimersByTimeAsync(CHECKPOINT_AT_MOST_MS * 2);
    expect(checkpoints).toEqual([]);
  });
});
