import { describe, expect, it } from 'vitest';
import { collectExport, verifyEpisodes } from '../../../src/db/export';
import { episodesMatching } from '../../../src/db/read';
import { isTimeOrderedId, newEpisodeId } from '../../../src/db/log';
import { episodesOldestFirst } from '../../../src/db/read';
import { freshDb, legacyEpisode, recordEpisode, reachRegistrar, T0, MINUTE } from '../logFixtures';

describe('episode ids', () => {
  it('are UUID version 7 and sort in the order the episodes started', () => {
    const ids = [T0, T0 + 1, T0 + MINUTE, T0 + 365 * 24 * 60 * MINUTE].map(newEpisodeId);
    expect(ids.every(isTimeOrderedId)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set([newEpisodeId(T0), newEpisodeId(T0)]).size).toBe(2);
  });
});

describe('reading many episodes at once', () => {
  it('gives each exported episode exactly its own events, whether ids are time-ordered or not', async () => {
    const db = freshDb();
    const modern = [];
    const legacy = [];
    for (let n = 0; n < 6; n += 1) {
      modern.push(await recordEpisode(db, { startedAt: T0 + n * 60 * MINUTE, events: [reachRegistrar(T0 + n * 60 * MINUTE + MINUTE)] }));
      legacy.push(await legacyEpisode(db, T0 + n * 60 * MINUTE + 30 * MINUTE));
    }
    const set = await collectExport({ from: T0 + 60 * MINUTE, to: T0 + 4 * 60 * MINUTE }, db);
    expect(set.episodes.map((item) => item.episode.id)).toEqual([modern[1]!.id, legacy[1], modern[2]!.id, legacy[2], modern[3]!.id, legacy[3]]);
    for (const { episode, events } of set.episodes) {
      expect(events.map((event) => event.seq)).toEqual([1, 2]);
      expect(events.every((event) => event.episodeId === episode.id)).toBe(true);
    }
  });

  it('finds a date range’s episodes by id exactly as the start-time index does, oldest first, boundaries included and excluded', async () => {
    const db = freshDb();
    const starts = [T0 - 1, T0, T0, T0 + MINUTE, T0 + 2 * MINUTE - 1, T0 + 2 * MINUTE];
    for (const startedAt of starts) await recordEpisode(db, { startedAt });
    const ranges = [{ from: T0, to: T0 + 2 * MINUTE }, { from: T0 }, { to: T0 + MINUTE }, {}];
    for (const range of ranges) {
      const byIndex = (await episodesMatching(range, db)).reverse().map((row) => row.id);
      expect((await episodesOldestFirst(range, db)).map((row) => row.id)).toEqual(byIndex);
    }
    expect(await episodesOldestFirst({ from: T0, to: T0 + 2 * MINUTE }, db)).toHaveLength(4);
    // A random (older) id, and a time-ordered id whose time is not its start time, are still found, through the index.
    const legacy = await legacyEpisode(db, T0 + MINUTE);
    await db.episodes.put({ ...(await db.episodes.get(legacy))!, id: newEpisodeId(T0 + 30 * 24 * 60 * MINUTE) });
    const found = await episodesOldestFirst({ from: T0, to: T0 + 2 * MINUTE }, db);
    expect(found).toHaveLength(6);
    expect(found.map((item) => item.id)).toEqual((await episodesMatching({ from: T0, to: T0 + 2 * MINUTE }, db)).reverse().map((item) => item.id));
  });

  it('verifies every episode in a range and lists the broken ones', async () => {
    const db = freshDb();
    const episodes = [];
    for (let n = 0; n < 5; n += 1) episodes.push(await recordEpisode(db, { startedAt: T0 + n * MINUTE, events: [reachRegistrar(T0 + n * MINUTE + 1000)] }));
    await db.events.update([episodes[3]!.id, 2], { data: { role: 'someone-else' } });
    const report = await verifyEpisodes({}, db);
    expect(report.checked).toBe(5);
    expect(report.broken).toEqual([{ episodeId: episodes[3]!.id, brokenAt: 2, reason: expect.stringMatching(/changed after it was written/) }]);
  });
});
