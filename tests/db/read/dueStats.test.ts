// The dashboard's monthly totals are moved on after a tap, not inside it: the
// tap's transaction notes what the totals still count, reads nothing, and the
// note is settled later (the runner's checkpoint, an episode's end, or the
// dashboard before it reads). The totals always end as if built from scratch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendEvents, prepareEvents, type KnownHead } from '../../../src/db/log';
import type { EpisodeRow, LogDb } from '../../../src/db/database';
import { computeDashboard, loadDashboard, settleDueStats, statsFromEpisodes } from '../../../src/db/read';
import { freshDb, recordEpisode, T0, MINUTE } from '../logFixtures';

const withRow = (episode: EpisodeRow): KnownHead => ({ seq: episode.lastSeq, hash: episode.headHash, row: episode });
const call = (at: number, role: string, result: string) =>
  prepareEvents([{ type: 'contact-attempt', stepId: `call-${role}`, at, data: { role, roleType: 'clinician', result } }]);

/** The totals as a full rebuild from the stored summaries would make them. */
async function rebuilt(db: LogDb) {
  return statsFromEpisodes(await db.episodes.toArray());
}

describe('dashboard totals noted by a tap and settled after it', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads nothing from the totals in a tap, and counts from the oldest note when taps come before a settle', async () => {
    const db = freshDb();
    const started = await recordEpisode(db);
    const statsReads = vi.spyOn(IDBObjectStore.prototype, 'get');
    let episode = started;
    for (const [n, result] of ['noAnswer', 'accepted'].entries()) {
      episode = (await appendEvents(episode.id, call(T0 + (n + 1) * MINUTE, `role-${n}`, result), { knownHead: withRow(episode) }, db)).episode;
    }
    expect(statsReads.mock.contexts.filter((store) => (store as IDBObjectStore).name === 'monthlyStats')).toHaveLength(0);
    // The totals still count the episode as it started, and its oldest note says so.
    const notes = await db.statsDue.toArray();
    expect(notes).toHaveLength(2);
    expect(notes[0]).toEqual({ episodeId: started.id, seq: started.lastSeq, counted: started });
    expect(await db.monthlyStats.toArray()).toEqual(statsFromEpisodes([started]));
    await settleDueStats(db);
    expect(await db.statsDue.count()).toBe(0);
    expect(await db.monthlyStats.toArray()).toEqual(await rebuilt(db));
    // Settling again changes nothing.
    await settleDueStats(db);
    expect(await db.monthlyStats.toArray()).toEqual(await rebuilt(db));
  });

  it('counts a note left by a crash before it was settled when the dashboard is read', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await appendEvents(episode.id, prepareEvents([{ type: 'outcome-reached', stepId: 'transfer', at: T0 + MINUTE, data: { urgency: 'emergency' } }]), { knownHead: withRow(episode) }, db);
    expect(await db.statsDue.count()).toBe(1);
    const figures = await loadDashboard({}, db);
    expect(figures.total).toBe(1);
    expect(figures.outcomesByUrgency.emergency).toEqual(computeDashboard(await db.episodes.toArray()).outcomesByUrgency.emergency);
    expect(figures.outcomesByUrgency.emergency).toMatchObject({ open: 1 });
    expect(await db.statsDue.count()).toBe(0);
  });

  it('makes the careful path count from the note, not from the summary it reads', async () => {
    const db = freshDb();
    let episode = await recordEpisode(db);
    episode = (await appendEvents(episode.id, call(T0 + MINUTE, 'registrar', 'noAnswer'), { knownHead: withRow(episode) }, db)).episode;
    // A retry or another tab: no known head, so the careful path writes the next change and the totals with it.
    await appendEvents(episode.id, call(T0 + 2 * MINUTE, 'consultant', 'accepted'), {}, db);
    expect(await db.statsDue.count()).toBe(0);
    expect(await db.monthlyStats.toArray()).toEqual(await rebuilt(db));
    expect((await db.monthlyStats.toArray())[0]?.contacts).toEqual({ registrar: { attempts: 1, noAnswer: 1 }, consultant: { attempts: 1, noAnswer: 0 } });
  });
});
