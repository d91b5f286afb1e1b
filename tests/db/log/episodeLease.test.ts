// The lease a tab holds on the episode it runs: its appends ask for no lock,
// read nothing and commit at once; the sequence-numbered event keys still stop
// a write on a head that moved; another tab cannot write until it is let go,
// and is told where the episode is open.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendEvents, endEpisode, holdEpisodeLock, prepareEvents, releaseEpisodeLock, verifyEpisode, type KnownHead } from '../../../src/db/log';
import { type EpisodeRow } from '../../../src/db/database';
import { settleDueStats } from '../../../src/db/read';
import { holdsEpisodeLock } from '../../../src/db/log';
import { FakeLockManager, installFakeLocks } from '../fakeLocks';
import { freshDb, recordEpisode, T0, MINUTE } from '../logFixtures';

const known = (episode: EpisodeRow): KnownHead => ({ seq: episode.lastSeq, hash: episode.headHash, row: episode });
const lockOf = (episodeId: string) => `cdc-episode-log:${episodeId}`;

let locks: FakeLockManager;
let uninstall: () => void;
beforeEach(() => {
  locks = new FakeLockManager();
  uninstall = installFakeLocks(locks);
});
afterEach(() => {
  vi.restoreAllMocks();
  uninstall();
});

/** Another tab holding the episode's lock until `letGo` is called. */
function anotherTabHolds(episodeId: string): { letGo(): void } {
  let letGo = () => {};
  void locks.request(lockOf(episodeId), () => new Promise<void>((resolve) => (letGo = resolve)));
  return { letGo: () => letGo() };
}

describe('a tab running an episode holds its lock until it ends it', () => {
  it('appends under the lease read nothing, and write what the careful path writes', async () => {
    const leased = freshDb();
    const careful = freshDb();
    const batches = [
      [{ type: 'answered', stepId: 'rhythm', at: T0 + MINUTE, data: { option: 'unstable' } }],
      [{ type: 'note', stepId: 'rhythm', at: T0 + 90_000, data: { localRef: 'list 3' } }],
      [{ type: 'contact-attempt', stepId: 'callRegistrar', at: T0 + 2 * MINUTE, data: { role: 'registrar', roleType: 'clinician', result: 'noAnswer' } }],
      [{ type: 'contact-attempt', stepId: 'callConsultant', at: T0 + 3 * MINUTE, data: { role: 'consultant', roleType: 'clinician', result: 'accepted' } }],
    ];
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const summaryReads = () => gets.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'episodes').length;
    const ends: EpisodeRow[] = [];
    for (const db of [leased, careful]) {
      let episode = await recordEpisode(db);
      if (db === leased) expect(await holdEpisodeLock(episode.id)).toBe(true);
      const readsBefore = summaryReads();
      for (const [n, batch] of batches.entries()) {
        const prepared = prepareEvents(batch).map((event) => ({ ...event, id: `event-${n}`, mono: batch[0]!.at }));
        episode = (await appendEvents(episode.id, prepared, db === leased ? { knownHead: known(episode) } : {}, db)).episode;
      }
      if (db === leased) expect(summaryReads()).toBe(readsBefore);
      ends.push(episode);
    }
    const [fast, slow] = ends;
    expect(fast).toMatchObject({ lastSeq: 5, firstClinicianReachedAt: T0 + 3 * MINUTE });
    expect({ ...fast, id: '', headHash: '', deviceId: '' }).toEqual({ ...slow, id: '', headHash: '', deviceId: '' });
    expect(await leased.episodes.get(fast!.id)).toEqual(fast);
    await settleDueStats(leased);
    expect(await leased.monthlyStats.toArray()).toEqual(await careful.monthlyStats.toArray());
    expect(await verifyEpisode(fast!.id, leased)).toMatchObject({ ok: true });
  });

  it('still refuses a head that moved behind its back, and writes nothing', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await holdEpisodeLock(episode.id);
    // A write this tab's runner did not make (an import, say) moves the head on.
    const moved = (await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], {}, db)).episode;
    const stale = appendEvents(episode.id, [{ type: 'note', at: T0 + 2 * MINUTE }], { knownHead: known(episode) }, db);
    await expect(stale).rejects.toMatchObject({ kind: 'conflict' });
    expect(await db.events.count()).toBe(2);
    expect(await db.episodes.get(episode.id)).toEqual(moved);
  });

  it('on a full disk writes nothing, and the retry stores the same events once', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await holdEpisodeLock(episode.id);
    const batch = prepareEvents([{ type: 'note', at: T0 + MINUTE }]);
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(appendEvents(episode.id, batch, { knownHead: known(episode) }, db)).rejects.toMatchObject({ kind: 'quota' });
    full.mockRestore();
    expect(await db.events.count()).toBe(1);
    await appendEvents(episode.id, batch, { knownHead: known(episode) }, db);
    expect(await db.events.count()).toBe(2);
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: true });
  });

  it('is let go after the episode ends, once its writes are done', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    expect(await holdEpisodeLock(episode.id)).toBe(true);
    expect(locks.isHeld(lockOf(episode.id))).toBe(true);
    await endEpisode(episode.id, { status: 'completed', at: T0 + MINUTE, knownHead: known(episode) }, db);
    releaseEpisodeLock(episode.id);
    expect(holdsEpisodeLock(episode.id)).toBe(false);
    await vi.waitFor(() => expect(locks.isHeld(lockOf(episode.id))).toBe(false));
  });
});

describe('another tab running the same episode', () => {
  it('keeps this tab from taking the lease', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    anotherTabHolds(episode.id);
    expect(await holdEpisodeLock(episode.id)).toBe(false);
    expect(holdsEpisodeLock(episode.id)).toBe(false);
  });

  it('makes this tab wait, then say where the episode is open, having written nothing', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const other = anotherTabHolds(episode.id);
    const waitRunsOut = new AbortController();
    vi.spyOn(AbortSignal, 'timeout').mockReturnValue(waitRunsOut.signal);
    const write = appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], { knownHead: known(episode) }, db);
    waitRunsOut.abort(new DOMException('The wait ran out', 'TimeoutError'));
    await expect(write).rejects.toMatchObject({ kind: 'conflict', userMessage: expect.stringMatching(/open in another tab or window/) });
    expect(await db.events.count()).toBe(1);
    // Once the other tab lets go, the same step goes in.
    vi.restoreAllMocks();
    other.letGo();
    await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], { knownHead: known(episode) }, db);
    expect(await db.events.count()).toBe(2);
  });

  it('lets this tab take the lease once the other has let go and a step of its own is saved', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const other = anotherTabHolds(episode.id);
    expect(await holdEpisodeLock(episode.id)).toBe(false);
    other.letGo();
    await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], {}, db);
    await vi.waitFor(() => expect(holdsEpisodeLock(episode.id)).toBe(true));
    // Held now: a third tab cannot take it from under this one.
    expect(await new Promise((resolve) => void locks.request(lockOf(episode.id), { ifAvailable: true }, (lock: { name: string } | null) => resolve(lock !== null)))).toBe(false);
    releaseEpisodeLock(episode.id);
    await vi.waitFor(() => expect(locks.isHeld(lockOf(episode.id))).toBe(false));
  });

  it('does not take a lease for an episode this tab has let go of', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const other = anotherTabHolds(episode.id);
    expect(await holdEpisodeLock(episode.id)).toBe(false);
    releaseEpisodeLock(episode.id);
    other.letGo();
    await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], {}, db);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(holdsEpisodeLock(episode.id)).toBe(false);
    expect(locks.isHeld(lockOf(episode.id))).toBe(false);
  });
});
