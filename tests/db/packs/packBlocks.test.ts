// Pack blocks: the one-row copy of a few hundred ended episodes that exports
// read. They hold exactly the stored summaries and packs, are sealed as
// episodes end, are taken away by any write into their range, are used only
// while their range holds what they hold, and verification catches an edit.
import { describe, expect, it } from 'vitest';
import { appendEvents, endEpisode, ENDED_READ_ONLY, importLogJson, startEpisode, verifyEpisode } from '../../../src/db/log';
import { collectExport, exportLogJson, verifyEpisodes } from '../../../src/db/export';
import { type EpisodeRow, type LogDb, type PackBlockRow } from '../../../src/db/database';
import { dropBlockHoldingIn } from '../../../src/db/packs';
import { sealAround, sealBlocks } from '../../../src/db/packs';
import { idTime } from '../../../src/db/log';
import { readExport } from '../../../src/db/export';
import { hexOfHashes } from '../../../src/db/packs';
import { blockMembers } from '../../../src/db/packs';
import { freshDb, grownAfterItsEnd, hashOf, recordEpisode, reachRegistrar, sampleSop, T0, MINUTE } from '../logFixtures';

const HOUR = 60 * MINUTE;

async function endedAt(db: LogDb, startedAt: number): Promise<EpisodeRow> {
  const episode = await recordEpisode(db, { startedAt, events: [reachRegistrar(startedAt + MINUTE)] });
  return (await endEpisode(episode.id, { status: 'completed', urgency: 'same-day', outcomeStepId: 'sameDayReview', at: startedAt + 2 * MINUTE }, db)).episode;
}

/** Twelve episodes an hour apart (the ninth and tenth started in one millisecond), the sixth still open. */
async function dayOfEpisodes() {
  const db = freshDb();
  const episodes: EpisodeRow[] = [];
  for (let n = 0; n < 12; n += 1) {
    const startedAt = T0 + (n === 9 ? 8 : n) * HOUR;
    episodes.push(n === 5 ? await recordEpisode(db, { startedAt, events: [reachRegistrar(startedAt + MINUTE)] }) : await endedAt(db, startedAt));
  }
  return { db, episodes };
}

/** How each episode's chain reached the export: 'pack' (a pack or a block) or 'rows'. */
async function howRead(db: LogDb): Promise<Map<string, string>> {
  const kinds = new Map<string, string>();
  await readExport({}, db, { withEvents: true }, (entries) => {
    for (const { episode, chain } of entries) kinds.set(episode.id, chain!.kind);
    return '';
  });
  return kinds;
}

const holds = (block: { from: string; to: string }, id: string) => block.from <= id && id < block.to;

describe('pack blocks', () => {
  it('are sealed from runs of ended episodes, never holding an open one or splitting a millisecond, and hold exactly the stored summaries and packs', async () => {
    const { db, episodes } = await dayOfEpisodes();
    expect(await sealBlocks(db, 3)).toBe(3);
    const blocks = await db.packBlocks.toArray();
    const stored = await db.episodes.toArray();
    const held = blocks.map((block) => stored.filter((row) => holds(block, row.id)).map((row) => row.id));
    // Three, then two (the open sixth breaks the run), then four (two share a millisecond); the newest three wait for more.
    expect(held.map((ids) => ids.length)).toEqual([3, 2, 4]);
    expect(held.flat()).not.toContain(episodes[5]!.id);
    for (const block of blocks) {
      const members = blockMembers(block)!;
      expect(members.map(({ episode }) => episode)).toEqual(stored.filter((row) => holds(block, row.id)));
      for (const { episode, events, hex } of members) {
        const pack = (await db.packs.get(episode.id))!;
        expect(events).toEqual(JSON.parse(pack.events));
        expect(hex).toBe(hexOfHashes([pack.hashes])[0]);
      }
    }
    expect(await verifyEpisodes({}, db)).toEqual({ checked: 12, broken: [] });
  });

  it('are sealed as episodes end: the newest end of the log waits for a block’s worth, and an ended episode it holds cannot change under it', async () => {
    const db = freshDb();
    const episodes: EpisodeRow[] = [];
    for (let n = 0; n < 4; n += 1) episodes.push(await endedAt(db, T0 + n * HOUR));
    expect(await sealAround(db, episodes[1]!.id, 5)).toBe(0);
    expect(await sealAround(db, episodes[3]!.id, 3)).toBe(1);
    const [block] = await db.packBlocks.toArray();
    expect(blockMembers(block!)!.map(({ episode }) => episode.id)).toEqual(episodes.slice(0, 3).map((row) => row.id));
    // An ended episode cannot be ended a second time: the record, and so the block holding it, stays as sealed.
    await expect(endEpisode(episodes[1]!.id, { status: 'abandoned', reason: 'Reopened in error', at: T0 + HOUR + 5 * MINUTE }, db))
      .rejects.toMatchObject({ userMessage: ENDED_READ_ONLY });
    expect(await db.packBlocks.toArray()).toEqual([block]);
    await db.packs.clear();
    const kinds = await howRead(db);
    expect(episodes.slice(0, 3).map((row) => kinds.get(row.id))).toEqual(['pack', 'pack', 'pack']);
    expect(kinds.get(episodes[3]!.id)).toBe('rows');
    expect(await verifyEpisodes({}, db)).toEqual({ checked: 4, broken: [] });
  });

  it('are taken away by a start or an import into their range, and an import seals again', async () => {
    const { db } = await dayOfEpisodes();
    await sealBlocks(db, 3);
    const [first, second] = await db.packBlocks.toArray();
    // A tablet whose clock went back starts an episode inside sealed history.
    const started = await startEpisode({ sop: sampleSop, sopHash: await hashOf(sampleSop), site: 'Riverside CDC', modality: 'echo', appVersion: 'test', at: idTime(first!.from) }, db);
    expect(holds(first!, started.id)).toBe(true);
    expect(await db.packBlocks.get([first!.from, first!.to])).toBeUndefined();
    // Another tablet's episode from a millisecond inside the second block's range.
    const tablet = freshDb();
    const theirs = await endedAt(tablet, idTime(second!.from) + 1);
    expect(holds(second!, theirs.id)).toBe(true);
    expect((await importLogJson(await exportLogJson({}, 'test', tablet), db)).imported).toBe(1);
    const resealed = (await db.packBlocks.toArray()).find((block) => holds(block, theirs.id))!;
    expect(blockMembers(resealed)!.map(({ episode }) => episode.id)).toContain(theirs.id);
    // One more from the other tablet in the very millisecond of one of ours: rows of two key orders share no block.
    const ours = blockMembers((await db.packBlocks.toArray()).pop()!)![1]!.episode;
    await endedAt(tablet, ours.startedAt);
    await importLogJson(await exportLogJson({}, 'test', tablet), db);
    const stored = await db.episodes.toArray();
    for (const block of await db.packBlocks.toArray()) {
      expect(stored.filter((row) => holds(block, row.id))).toEqual(blockMembers(block)!.map(({ episode }) => episode));
    }
    expect(await verifyEpisodes({}, db)).toEqual({ checked: 15, broken: [] });
    // The same for a plain IndexedDB write (the runner's appends), for an id inside the last block and one after every block.
    const [kept, last] = (await db.packBlocks.toArray()).slice(-2) as [PackBlockRow, PackBlockRow];
    const idb = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('packBlocks', 'readwrite');
      dropBlockHoldingIn(tx.objectStore('packBlocks'), blockMembers(last)![0]!.episode.id);
      dropBlockHoldingIn(tx.objectStore('packBlocks'), `${last.to}ffff`);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    expect(await db.packBlocks.get([last.from, last.to])).toBeUndefined();
    expect(await db.packBlocks.get([kept!.from, kept!.to])).toBeDefined();
  });

  it('are read only while their range holds what they hold: a block grown behind, damaged or missing an episode is passed over for the rows', async () => {
    const { db, episodes } = await dayOfEpisodes();
    await sealBlocks(db, 3);
    await db.packs.clear();
    const [first, second, third] = await db.packBlocks.toArray();
    const inBlock = (block: typeof first) => episodes.filter((row) => holds(block!, row.id)).map((row) => row.id);
    expect(new Set([...(await howRead(db)).entries()].filter(([, kind]) => kind === 'pack').map(([id]) => id))).toEqual(new Set([...inBlock(first), ...inBlock(second), ...inBlock(third)]));
    await grownAfterItsEnd(db, inBlock(first)[1]!, { type: 'note', at: T0 + 2 * HOUR, data: { text: 'added after the end' } });
    await db.packBlocks.put({ ...second!, episodes: second!.episodes.slice(1) });
    await db.episodes.delete(inBlock(third)[0]!);
    const kinds = await howRead(db);
    expect([...kinds.values()].every((kind) => kind === 'rows')).toBe(true);
    const whole = await collectExport({}, db);
    const read = await readExport({}, db, { withEvents: true }, () => '');
    expect(read.episodes).toEqual(whole.episodes.map((item) => item.episode));
  });

  it('stay true: an ended episode they hold refuses any append, on the careful path and on a known head alike', async () => {
    const { db, episodes } = await dayOfEpisodes();
    await sealBlocks(db, 3);
    const [first, second] = await db.packBlocks.toArray();
    const inFirst = episodes.find((row) => holds(first!, row.id))!;
    await expect(appendEvents(inFirst.id, [{ type: 'note', at: T0 + 20 * HOUR, data: { text: 'added after the end' } }], {}, db))
      .rejects.toMatchObject({ userMessage: ENDED_READ_ONLY });
    const inSecond = (await db.episodes.toArray()).find((row) => holds(second!, row.id))!;
    const known = { seq: inSecond.lastSeq, hash: inSecond.headHash, row: inSecond };
    await expect(appendEvents(inSecond.id, [{ type: 'note', at: T0 + 21 * HOUR, data: { text: 'a late correction' } }], { knownHead: known }, db))
      .rejects.toMatchObject({ userMessage: ENDED_READ_ONLY });
    expect(await db.packBlocks.get([first!.from, first!.to])).toEqual(first);
    expect(await db.packBlocks.get([second!.from, second!.to])).toEqual(second);
    expect((await db.episodes.get(inSecond.id))!.lastSeq).toBe(inSecond.lastSeq);
    expect(await verifyEpisodes({}, db)).toEqual({ checked: 12, broken: [] });
  });

  it('are reported by verification when a block and the stored rows disagree, whichever was edited', async () => {
    const { db, episodes } = await dayOfEpisodes();
    await sealBlocks(db, 3);
    const [first, second] = await db.packBlocks.toArray();
    const firstIds = episodes.filter((row) => holds(first!, row.id)).map((row) => row.id);
    await db.packBlocks.put({ ...first!, episodes: first!.episodes.replace('Riverside CDC', 'Riverside XYZ') });
    const edited = await verifyEpisode(firstIds[0]!, db);
    expect(edited).toMatchObject({ ok: false, reason: expect.stringContaining('summary differs') });
    const events = JSON.parse(second!.events) as unknown[][][];
    (events[1]![1]![3] as Record<string, unknown>).result = 'declined';
    await db.packBlocks.put({ ...second!, events: JSON.stringify(events) });
    const secondIds = episodes.filter((row) => holds(second!, row.id)).map((row) => row.id);
    expect(await verifyEpisode(secondIds[1]!, db)).toMatchObject({ ok: false, brokenAt: 2 });
    const report = await verifyEpisodes({}, db);
    expect(report.broken.map((item) => item.episodeId).sort()).toEqual([firstIds[0]!, secondIds[1]!].sort());
  });
});
