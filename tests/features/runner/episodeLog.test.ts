// The log is the source of truth: every machine event can be rebuilt from the
// rows written for it, replay lands on the live state, and a cached snapshot
// is used only when it matches this SOP, app version and log length.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashSop } from '../../../src/engine';
import { createMemoryEpisodeStore } from '../../../src/features/runner/episode/memoryEpisodeStore';
import { resumeEpisodeRun, startEpisodeRun } from '../../../src/features/runner/episode/openEpisode';
import { eventsFromRows } from '../../../src/features/runner/episode/logRows';
import { stepOf } from '../../../src/features/runner/episode/runModel';
import type { EpisodeStore } from '../../../src/features/runner/episode/episodeStore';
import { createDbEpisodeStore } from '../../../src/features/runner/episode/dbEpisodeStore';
import { openLogDb } from '../../../src/db/database';
import { verifyEpisode } from '../../../src/db/log';
import { testAf, testCollapse } from './fixtures';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

async function started(store: EpisodeStore = createMemoryEpisodeStore()) {
  const controller = await startEpisodeRun(store, {
    doc: testAf, sopHash: await hashSop(testAf), collapse: testCollapse,
    identity: { site: 'CDC North', modality: 'echo', operatorRole: '' }, appVersion: '1.0.0', at: T0,
  });
  return { controller, store };
}

const stepTitle = (controller: Awaited<ReturnType<typeof started>>['controller']) =>
  stepOf(controller.model, controller.getView().snapshot)?.step.title;

/** The disk fills up: every add and put fails as a browser reports it. */
function fillTheDisk() {
  const quota = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return [vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota), vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota)];
}

describe('episode log', () => {
  afterEach(() => vi.restoreAllMocks());

  it('rebuilds every kind of machine event from the rows written for it', async () => {
    const { controller, store } = await started();
    const sent = [
      { type: 'ANSWER', option: 'yes', at: T0 + 1000 },
      { type: 'TICK', item: 'obs', checked: true, at: T0 + 2000 },
      { type: 'REMINDER_DONE', item: 'safety.obs', at: T0 + 3000 },
      { type: 'CONTINUE', at: T0 + 4000 },
      { type: 'CONTACT', outcome: 'noAnswer', at: T0 + 5000 },
      { type: 'TIMER_EXPIRED', at: T0 + 5000 + 10 * MINUTE },
      { type: 'CONTACT', outcome: 'noAnswer', at: T0 + 11 * MINUTE },
    ] as const;
    for (const event of sent) await controller.send({ ...event });
    expect(stepTitle(controller)).toBe('Emergency transfer arranged');
    const { rows } = await store.load(controller.episodeId);
    const { events, refused } = eventsFromRows(rows);
    expect(refused).toBe(0);
    expect(events).toEqual(sent);
  });

  it('logs undo as an event and a resumed episode lands on the same step with the same context', async () => {
    const { controller, store } = await started();
    await controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 });
    await controller.send({ type: 'CONTINUE', at: T0 + 2000 });
    await controller.undo();
    await controller.send({ type: 'TICK', item: 'stay', checked: true, at: T0 + 3000 });
    await controller.send({ type: 'COLLAPSE', at: T0 + 4000 });
    const { rows } = await store.load(controller.episodeId);
    expect(rows.filter((row) => row.type === 'undo')).toHaveLength(1);
    const resumed = await resumeEpisodeRun(store, controller.episodeId, { collapse: testCollapse, appVersion: '1.0.0' });
    expect(resumed.getView().snapshot.value).toEqual(controller.getView().snapshot.value);
    expect(resumed.getView().snapshot.context).toEqual(controller.getView().snapshot.context);
    expect(stepTitle(resumed)).toBe('Call the arrest team now');
  });

  it('uses a cached snapshot only when it matches; a snapshot from another app version is rebuilt from events', async () => {
    const { controller, store } = await started();
    await controller.send({ type: 'ANSWER', option: 'no', at: T0 + 1000 });
    // Poison the cache with a snapshot of another step: only a matching one may be trusted.
    const lie = { value: 'safety', context: { ...controller.getView().snapshot.context, trail: ['lie'] } };
    const { seq } = await store.load(controller.episodeId);
    await store.checkpoint(controller.episodeId, { sopHash: await hashSop(testAf), appVersion: '0.9.0', seq, snapshot: lie });
    const rebuilt = await resumeEpisodeRun(store, controller.episodeId, { collapse: testCollapse, appVersion: '1.0.0' });
    expect(stepTitle(rebuilt)).toBe('Urgent review');
    await store.checkpoint(controller.episodeId, { sopHash: await hashSop(testAf), appVersion: '1.0.0', seq, snapshot: lie });
    const cached = await resumeEpisodeRun(store, controller.episodeId, { collapse: testCollapse, appVersion: '1.0.0' });
    expect(cached.getView().snapshot.context.trail).toEqual(['lie']);
  });

  it('refuses to resume an episode whose stored SOP no longer validates, with a plain message', async () => {
    const { controller, store } = await started();
    const broken: EpisodeStore = { ...store, load: async (id) => ({ ...(await store.load(id)), doc: { format: 'cdc-sop/1', id: 'x' } }) };
    await expect(resumeEpisodeRun(broken, controller.episodeId, { collapse: testCollapse, appVersion: '1.0.0' })).rejects.toMatchObject({
      userMessage: expect.stringMatching(/cannot be resumed/),
    });
  });

  it('still runs the steps, in memory and with a loud warning, when the log cannot start an episode', async () => {
    const failing: EpisodeStore = { ...createMemoryEpisodeStore(), start: async () => { throw new Error('disk full'); } };
    const { controller } = await started(failing);
    expect(controller.getView().notice).toMatch(/NOT being saved/);
    await controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 });
    expect(stepTitle(controller)).toBe('Keep the patient safe while you call');
  });

  it('ends an episode even when the dashboard totals cannot be settled then (the notes wait for the next settle)', async () => {
    const db = openLogDb(`settle-fails-${Date.now()}`);
    const { controller } = await started(createDbEpisodeStore(db));
    await controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 }, 'adverse');
    vi.spyOn(db.statsDue, 'toArray').mockRejectedValue(new DOMException('The database is busy.', 'UnknownError'));
    expect(await controller.abandon('Started in error')).toBe(true);
    expect(controller.getView()).toMatchObject({ ended: 'abandoned', storageError: null });
    expect((await db.episodes.get(controller.episodeId))?.status).toBe('abandoned');
  });

  it('still flushes at a checkpoint when the dashboard totals cannot be settled then', async () => {
    const db = openLogDb(`settle-fails-checkpoint-${Date.now()}`);
    const { controller } = await started(createDbEpisodeStore(db));
    await controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 }, 'adverse');
    vi.spyOn(db.statsDue, 'toArray').mockRejectedValue(new DOMException('The database is busy.', 'UnknownError'));
    controller.checkpointNow();
    await vi.waitFor(async () => expect((await db.snapshots.get(controller.episodeId))?.seq).toBe((await db.episodes.get(controller.episodeId))?.lastSeq));
  });

  it('refuses a write from a second tab that has not seen the latest step, instead of interleaving two copies', async () => {
    const db = openLogDb(`two-tabs-${Date.now()}`);
    const { controller: first } = await started(createDbEpisodeStore(db));
    const second = await resumeEpisodeRun(createDbEpisodeStore(db), first.episodeId, { collapse: testCollapse, appVersion: '1.0.0' });
    await first.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 }, 'adverse');
    await second.send({ type: 'ANSWER', option: 'no', at: T0 + 2000 }, 'adverse');
    expect(second.getView().storageError).toMatch(/changed in another tab/);
    const answers = (await db.events.toArray()).filter((row) => row.type === 'answered');
    expect(answers.map((row) => row.data.option)).toEqual(['yes']);
  });

  it('keeps a step the full disk refused, holds further taps, and stores it once when retried after space is freed', async () => {
    const db = openLogDb(`quota-${Date.now()}`);
    const { controller } = await started(createDbEpisodeStore(db));
    const before = await db.events.count();
    const spies = fillTheDisk();
    await controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 }, 'adverse');
    expect(controller.getView().storageError).toMatch(/out of storage space/);
    // The step the worker sees stays the unsaved one's until it is stored.
    expect(stepTitle(controller)).not.toBe('Keep the patient safe while you call');
    await controller.send({ type: 'ANSWER', option: 'no', at: T0 + 2000 }, 'adverse');
    await controller.retry();
    expect(controller.getView().storageError).toMatch(/out of storage space/);

    spies.forEach((spy) => spy.mockRestore());
    await controller.retry();
    await controller.retry();
    expect(controller.getView().storageError).toBeNull();
    expect(stepTitle(controller)).toBe('Keep the patient safe while you call');
    const answers = (await db.events.toArray()).filter((row) => row.type === 'answered');
    expect(answers.map((row) => row.data.option)).toEqual(['yes']);
    expect(await db.events.count()).toBeGreaterThan(before);
    expect((await verifyEpisode(controller.episodeId, db)).ok).toBe(true);
  });
});
