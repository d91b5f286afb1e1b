import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendEvents, loadEpisode, startEpisode } from '../../../src/db/log';
import { StorageError } from '../../../src/db/database';
import { freshDb, hashOf, recordEpisode, reachRegistrar, sampleSop, T0, MINUTE } from '../logFixtures';
// Keeping refused steps and retrying them is the runner's write queue: tests/features/runner/episodeLog.test.ts.

/** The disk fills up: every add and put on the events store fails as a browser would report it. */
function fillTheDisk() {
  const quota = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return [vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(quota), vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(quota)];
}

describe('when the device runs out of storage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses the append with a plain-English quota error and writes nothing at all', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    fillTheDisk();
    const failure = appendEvents(episode.id, [reachRegistrar(T0 + MINUTE), { type: 'note', at: T0 + 2 * MINUTE }], {}, db);
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toMatchObject({ kind: 'quota' });
    await failure.catch((error: StorageError) => {
      expect(error.userMessage).toMatch(/out of storage space/);
      expect(error.userMessage).not.toMatch(/DOMException|at /);
    });
    vi.restoreAllMocks();
    const { episode: stored, events } = await loadEpisode(episode.id, db);
    expect(events).toHaveLength(1);
    expect(stored).toEqual(episode);
  });

  it('does not leave an episode without its started event when starting fails', async () => {
    const db = freshDb();
    fillTheDisk();
    await expect(
      startEpisode({ sop: sampleSop, sopHash: await hashOf(sampleSop), site: 'Riverside CDC', modality: 'ct', appVersion: 'test', at: T0 }, db),
    ).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect([await db.episodes.count(), await db.events.count(), await db.sops.count()]).toEqual([0, 0, 0]);
  });
});
