// The runner's path: an append that names the head it last saw is one write
// transaction, and falls back to the careful path (retry recognition, conflict
// refusal) whenever the stored head is not that one.
import { describe, expect, it, vi } from 'vitest';
import { appendEvents, endEpisode, loadEpisode, prepareEvents, verifyEpisode, type KnownHead } from '../../../src/db/log';
import { type EpisodeRow } from '../../../src/db/database';
import { settleDueStats } from '../../../src/db/read';
import { freshDb, recordEpisode, T0, MINUTE } from '../logFixtures';

const headOf = (episode: { lastSeq: number; headHash: string }): KnownHead => ({ seq: episode.lastSeq, hash: episode.headHash });

describe('appending on the head the runner last saw', () => {
  it('writes without reading the head first and keeps the chain valid', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const reads = vi.spyOn(db.events, 'where');
    let head = headOf(episode);
    for (let n = 1; n <= 3; n += 1) {
      const result = await appendEvents(episode.id, prepareEvents([{ type: 'note', at: T0 + n * MINUTE, data: { n } }]), { knownHead: head }, db);
      head = headOf(result.episode);
    }
    // The careful path reads the stored tail to recognise retries; the fast path never does.
    expect(reads).not.toHaveBeenCalled();
    const { events } = await loadEpisode(episode.id, db);
    expect(events.map((event) => event.data.n ?? null)).toEqual([null, 1, 2, 3]);
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: true });
  });

  it('recognises a retry whose first attempt was in fact stored', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const batch = prepareEvents([{ type: 'note', at: T0 + MINUTE }]);
    await appendEvents(episode.id, batch, { knownHead: headOf(episode) }, db);
    // The caller never heard back, so it retries on the head it knew.
    const again = await appendEvents(episode.id, batch, { knownHead: headOf(episode) }, db);
    expect(again.alreadyStored).toBe(true);
    expect(await db.events.count()).toBe(2);
  });

  it('refuses to write on a head another tab has moved on from, and writes nothing', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE, data: { tab: 'other' } }], {}, db);
    const stale = appendEvents(episode.id, [{ type: 'note', at: T0 + 2 * MINUTE }], { knownHead: headOf(episode) }, db);
    await expect(stale).rejects.toMatchObject({ kind: 'conflict' });
    expect(await db.events.count()).toBe(2);
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: true });
  });

  it('refuses a head with the right number but the wrong hash (a fork)', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const forged = { seq: episode.lastSeq, hash: 'f'.repeat(64) };
    await expect(appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], { knownHead: forged }, db)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await db.events.count()).toBe(1);
  });

  it('ends an episode on the known head', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const ended = await endEpisode(episode.id, { status: 'abandoned', reason: 'Started by mistake', at: T0 + MINUTE, knownHead: headOf(episode) }, db);
    expect(ended.episode).toMatchObject({ status: 'abandoned', lastSeq: 2 });
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: true });
    // The dashboard's totals are not read in the append: it notes what they still count, and they move when settled.
    expect(await db.statsDue.toArray()).toEqual([{ episodeId: episode.id, seq: episode.lastSeq, counted: episode }]);
    expect((await db.monthlyStats.toArray())[0]?.outcomes['']).toMatchObject({ open: 1, abandoned: 0 });
    await settleDueStats(db);
    expect(await db.statsDue.count()).toBe(0);
    const [stats] = await db.monthlyStats.toArray();
    expect(stats?.episodes).toBe(1);
    expect(stats?.outcomes['']).toMatchObject({ open: 0, abandoned: 1 });
  });
});

describe('appending with the summary row this tab last wrote', () => {
  const withRow = (episode: EpisodeRow): KnownHead => ({ seq: episode.lastSeq, hash: episode.headHash, row: episode });

  it('writes events, summary and dashboard totals exactly as the careful path does', async () => {
    const fast = freshDb();
    const careful = freshDb();
    const batches = [
      [{ type: 'answered', stepId: 'rhythm', at: T0 + MINUTE, data: { option: 'unstable' } }],
      [{ type: 'contact-attempt', stepId: 'callRegistrar', at: T0 + 2 * MINUTE, data: { role: 'registrar', roleType: 'clinician', result: 'noAnswer' } }],
      [{ type: 'contact-attempt', stepId: 'callConsultant', at: T0 + 3 * MINUTE, data: { role: 'consultant', roleType: 'clinician', result: 'accepted' } }],
      [{ type: 'outcome-reached', stepId: 'transfer', at: T0 + 4 * MINUTE, data: { urgency: 'emergency' } }],
    ];
    // The careful path reads the head through Dexie first; the runner's path never does.
    const headReads = vi.spyOn(fast.episodes, 'get');
    for (const db of [fast, careful]) {
      let episode = await recordEpisode(db);
      for (const batch of batches) {
        const prepared = prepareEvents(batch).map((event, index) => ({ ...event, id: `${batch[0]!.stepId}-${index}`, mono: batch[0]!.at }));
        episode = (await appendEvents(episode.id, prepared, db === fast ? { knownHead: withRow(episode) } : {}, db)).episode;
      }
    }
    expect(headReads).not.toHaveBeenCalled();
    const [fastEpisode] = await fast.episodes.toArray();
    const [carefulEpisode] = await careful.episodes.toArray();
    expect(fastEpisode).toMatchObject({ urgency: 'emergency', firstClinicianReachedAt: T0 + 3 * MINUTE, lastSeq: 5 });
    expect(fastEpisode?.contacts.map((contact) => contact.result)).toEqual(['noAnswer', 'accepted']);
    expect({ ...fastEpisode, id: '', headHash: '', deviceId: '' }).toEqual({ ...carefulEpisode, id: '', headHash: '', deviceId: '' });
    const stats = (db: typeof fast) => db.monthlyStats.toArray();
    // The totals the taps noted for later are settled (as at the runner's checkpoint or before the dashboard reads).
    await settleDueStats(fast);
    expect(await stats(fast)).toEqual(await stats(careful));
    expect((await stats(fast))[0]?.contacts).toEqual({ registrar: { attempts: 1, noAnswer: 1 }, consultant: { attempts: 1, noAnswer: 0 } });
    expect(await verifyEpisode(fastEpisode!.id, fast)).toMatchObject({ ok: true });
  });

  it('does not trust a held row that differs from the stored one: it writes from the stored row instead', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    // Same head, different summary (say, a row read before an upgrade rewrote it).
    const stale = { ...episode, site: 'Somewhere else', contacts: [{ role: 'ghost', roleType: 'clinician', result: 'accepted' as const }] };
    const result = await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], { knownHead: withRow(stale) }, db);
    expect(result.episode).toMatchObject({ site: episode.site, contacts: [], lastSeq: 2 });
    expect(await db.episodes.get(episode.id)).toEqual(result.episode);
    expect(await db.events.count()).toBe(2);
  });

  it('writes nothing on a head another tab has moved on from', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE, data: { tab: 'other' } }], {}, db);
    await expect(appendEvents(episode.id, [{ type: 'note', at: T0 + 2 * MINUTE }], { knownHead: withRow(episode) }, db)).rejects.toMatchObject({ kind: 'conflict' });
    expect(await db.events.count()).toBe(2);
    expect(await db.episodes.get(episode.id)).toMatchObject({ lastSeq: 2 });
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: true });
  });

  it('reports an episode that is not in the log', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    await db.episodes.delete(episode.id);
    await expect(appendEvents(episode.id, [{ type: 'note', at: T0 + MINUTE }], { knownHead: withRow(episode) }, db)).rejects.toMatchObject({ kind: 'not-found' });
    expect(await db.events.count()).toBe(1);
  });

  it('on a full disk writes nothing, and the retry stores the same events once', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const batch = prepareEvents([{ type: 'note', at: T0 + MINUTE }]);
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(appendEvents(episode.id, batch, { knownHead: withRow(episode) }, db)).rejects.toMatchObject({ kind: 'quota' });
    full.mockRestore();
    expect(await db.events.count()).toBe(1);
    expect(await db.episodes.get(episode.id)).toMatchObject({ lastSeq: 1 });
    await appendEvents(episode.id, batch, { knownHead: withRow(episode) }, db);
    expect(await db.events.count()).toBe(2);
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: true });
  });
});

describe('a full disk on the runner path', () => {
  it('writes nothing, says so plainly, and the same events go in on retry', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db);
    const batch = prepareEvents([{ type: 'note', at: T0 + MINUTE }, { type: 'note', at: T0 + 2 * MINUTE }]);
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(appendEvents(episode.id, batch, { knownHead: headOf(episode) }, db)).rejects.toMatchObject({ kind: 'quota' });
    full.mockRestore();
    expect(await db.events.count()).toBe(1);
    const retried = await appendEvents(episode.id, batch, { knownHead: headOf(episode) }, db);
    expect(retried.events.map((event) => event.id)).toEqual(batch.map((event) => event.id));
    expect(await verifyEpisode(episode.id, db)).toMatchObject({ ok: true });
  });
});
