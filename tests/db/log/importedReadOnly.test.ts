// An episode brought in from another tablet (a log file, the governance
// replica) is that tablet's record: never resumed here, never appended to.
import { describe, expect, it } from 'vitest';
import { appendEvents, importLogJson, latestOpenEpisodeId, openEpisodes } from '../../../src/db/log';
import { LOG_EXPORT_FORMAT } from '../../../src/db/export';
import { freshDb, hashOf, recordEpisode, reachRegistrar, sampleSop, T0, MINUTE } from '../logFixtures';

async function openEpisodeFromAnotherTablet() {
  const other = freshDb();
  const episode = await recordEpisode(other, { events: [reachRegistrar(T0 + MINUTE)] });
  const events = await other.events.where('episodeId').equals(episode.id).toArray().catch(() => other.events.toArray());
  const sop = { hash: await hashOf(sampleSop), id: sampleSop.id, version: sampleSop.version, status: sampleSop.status, title: sampleSop.title, source: 'built-in', document: sampleSop, storedAt: 0 };
  const file = { format: LOG_EXPORT_FORMAT, sops: [sop], episodes: [{ episode: { id: episode.id, lastSeq: episode.lastSeq, headHash: episode.headHash }, events }] };
  return { episode, text: JSON.stringify(file) };
}

describe('episodes imported from another tablet', () => {
  it('are never resumed, even when they were still open there', async () => {
    const db = freshDb();
    const { episode, text } = await openEpisodeFromAnotherTablet();
    expect((await importLogJson(text, db)).imported).toBe(1);
    expect((await db.episodes.get(episode.id))?.status).toBe('open');
    expect(await openEpisodes(db)).toEqual([]);
    expect(await latestOpenEpisodeId(db)).toBeNull();
    const own = await recordEpisode(db, { startedAt: T0 - MINUTE });
    expect(await latestOpenEpisodeId(db)).toBe(own.id);
  });

  it('are never appended to', async () => {
    const db = freshDb();
    const { episode, text } = await openEpisodeFromAnotherTablet();
    await importLogJson(text, db);
    await expect(appendEvents(episode.id, [{ type: 'note', at: T0 + 5 * MINUTE, data: { text: 'late' } }], {}, db)).rejects.toMatchObject({
      userMessage: expect.stringMatching(/recorded on another tablet/),
    });
    expect((await db.episodes.get(episode.id))?.lastSeq).toBe(episode.lastSeq);
  });
});
