// How far each of the runner's writes must reach before it counts as done: a
// tap's append is committed relaxed (the operating system has it), the
// checkpoint after it is strict (IndexedDB 3.0: a strict commit flushes every
// change before it, so it flushes those appends), and the episode's end and
// every write off the runner's fast path stay strict.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashSop } from '../../../src/engine';
import { openLogDb, type LogDb } from '../../../src/db/database';
import { appendEvents, prepareEvents } from '../../../src/db/log';
import { createDbEpisodeStore } from '../../../src/features/runner/episode/dbEpisodeStore';
import { startEpisodeRun } from '../../../src/features/runner/episode/openEpisode';
import { testAf, testCollapse } from './fixtures';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

/**
 * Every read-write transaction opened from here on: the stores it spans and the
 * durability it asked for. Dexie binds the connection's `transaction` when it
 * opens, so this is set up before the database is first used.
 */
function watchWrites() {
  const writes: Array<{ stores: string[]; durability: string }> = [];
  const open = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, stores, mode, options) {
    if (mode === 'readwrite') writes.push({ stores: (typeof stores === 'string' ? [stores] : [...stores]).sort(), durability: options?.durability ?? 'default' });
    return open.call(this, stores, mode, options);
  });
  return writes;
}

async function started(db: LogDb) {
  return startEpisodeRun(createDbEpisodeStore(db), {
    doc: testAf, sopHash: await hashSop(testAf), collapse: testCollapse,
    identity: { site: 'CDC North', modality: 'echo', operatorRole: '' }, appVersion: '1.0.0', at: T0,
  });
}

describe("durability of the runner's writes", () => {
  afterEach(() => vi.restoreAllMocks());

  it('commits a tap relaxed, then flushes it with a strict checkpoint holding the snapshot at that head', async () => {
    const writes = watchWrites();
    const db = openLogDb(`durability-${Date.now()}`);
    const controller = await started(db);
    writes.length = 0;
    await controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 }, 'adverse');
    expect(writes).toEqual([{ stores: ['episodes', 'events', 'statsDue'], durability: 'relaxed' }]);

    controller.checkpointNow();
    await vi.waitFor(async () => expect(await db.snapshots.get(controller.episodeId)).toBeDefined());
    // The dashboard's totals the tap left for later, then the snapshot: both strict.
    expect(writes.slice(1)).toEqual([
      { stores: ['episodes', 'monthlyStats', 'statsDue'], durability: 'strict' },
      { stores: ['snapshots'], durability: 'strict' },
    ]);
    const episode = await db.episodes.get(controller.episodeId);
    expect((await db.snapshots.get(controller.episodeId))!.seq).toBe(episode!.lastSeq);
  });

  it('writes the episode’s end strictly', async () => {
    const writes = watchWrites();
    const db = openLogDb(`durability-end-${Date.now()}`);
    const controller = await started(db);
    await controller.send({ type: 'ANSWER', option: 'yes', at: T0 + 1000 }, 'adverse');
    writes.length = 0;
    expect(await controller.abandon('Test')).toBe(true);
    const ends = writes.filter((write) => write.stores.includes('events'));
    expect(ends.length).toBeGreaterThan(0);
    expect(ends.every((write) => write.durability === 'strict')).toBe(true);
  });

  it('keeps the careful path strict even when relaxed was asked for (it runs after a conflict or a retry)', async () => {
    const writes = watchWrites();
    const db = openLogDb(`durability-careful-${Date.now()}`);
    const controller = await started(db);
    writes.length = 0;
    // No known head: the append reads the head first, on the careful path.
    await appendEvents(controller.episodeId, prepareEvents([{ type: 'note', at: T0 + 2000 }]), { durability: 'relaxed' }, db);
    const appends = writes.filter((write) => write.stores.includes('events'));
    expect(appends).toEqual([{ stores: ['episodes', 'events', 'monthlyStats', 'statsDue'], durability: 'strict' }]);
  });
});
