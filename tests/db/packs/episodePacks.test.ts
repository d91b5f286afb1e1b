// Episode packs: the one-row copy of an ended episode's chain that exports
// read. They must say exactly what the event rows say, exports must read the
// same whether a pack or the rows answer, and verification must catch a copy
// edited on its own.
import { describe, expect, it, vi } from 'vitest';
import { appendEvents, endEpisode, importLogJson, loadEpisode, verifyEpisode } from '../../../src/db/log';
import { collectExport, exportEpisodesCsv, exportEventsCsv, exportFhirBundle, exportLogJson, verifyEpisodes } from '../../../src/db/export';
import { type LogDb } from '../../../src/db/database';
import { packOf, unpack } from '../../../src/db/packs';
import { freshDb, grownAfterItsEnd, recordEpisode, reachRegistrar, T0, MINUTE } from '../logFixtures';

const HOUR = 60 * MINUTE;

/** An episode the runner recorded and then ended, as the app does (endEpisode). */
async function endedEpisode(db: LogDb, startedAt: number, options: { withCollapse?: boolean; abandon?: boolean } = {}) {
  const episode = await recordEpisode(db, { startedAt, withCollapse: options.withCollapse, events: [reachRegistrar(startedAt + MINUTE, 'noAnswer'), reachRegistrar(startedAt + 2 * MINUTE)] });
  const end = options.abandon
    ? { status: 'abandoned' as const, reason: 'Patient left', at: startedAt + 3 * MINUTE }
    : { status: 'completed' as const, urgency: 'same-day' as const, outcomeStepId: 'sameDayReview', at: startedAt + 3 * MINUTE };
  return (await endEpisode(episode.id, end, db)).episode;
}

/** A log mixing every way an episode's chain can be read: packed, open, ended without a pack, imported, added to after its end. */
async function mixedLog() {
  const db = freshDb();
  const packed = await endedEpisode(db, T0);
  const linked = await endedEpisode(db, T0 + HOUR, { withCollapse: true, abandon: true });
  const open = await recordEpisode(db, { startedAt: T0 + 2 * HOUR, events: [reachRegistrar(T0 + 2 * HOUR + MINUTE)] });
  const unpacked = await endedEpisode(db, T0 + 3 * HOUR);
  await db.packs.delete(unpacked.id);
  const addedAfterEnd = await endedEpisode(db, T0 + 4 * HOUR);
  await grownAfterItsEnd(db, addedAfterEnd.id, { type: 'note', at: T0 + 4 * HOUR + 10 * MINUTE, data: { text: 'Handover = done' } });
  const tablet = freshDb();
  const fromTablet = await endedEpisode(tablet, T0 + 5 * HOUR);
  await importLogJson(await exportLogJson({}, 'test', tablet), db);
  return { db, packed, linked, open, unpacked, addedAfterEnd, fromTablet };
}

/** Every export format, at one fixed export time. */
async function everyExport(db: LogDb) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0 + 30 * 24 * HOUR);
  try {
    return await exportsNow(db);
  } finally {
    vi.useRealTimers();
  }
}

async function exportsNow(db: LogDb) {
  return {
    json: await exportLogJson({}, 'test', db),
    events: await exportEventsCsv({}, db),
    episodes: await exportEpisodesCsv({}, db),
    // Bundle-local urn:uuid references are fresh on every export.
    fhir: (await exportFhirBundle({}, db)).replace(/urn:uuid:[0-9a-f-]{36}/g, 'urn:uuid:'),
  };
}

describe('episode packs', () => {
  it('are written when an episode ends, and hold exactly its stored events', async () => {
    const db = freshDb();
    const completed = await endedEpisode(db, T0);
    const abandoned = await endedEpisode(db, T0 + HOUR, { withCollapse: true, abandon: true });
    for (const episode of [completed, abandoned]) {
      const pack = await db.packs.get(episode.id);
      expect(pack).toMatchObject({ lastSeq: episode.lastSeq, headHash: episode.headHash });
      expect(unpack(pack!)).toEqual((await loadEpisode(episode.id, db)).events);
    }
    expect((await collectExport({}, db)).sops.map((sop) => sop.id).sort()).toEqual(['collapse', 'fast-af']);
  });

  it('keep text with any characters one byte per character, and give it back unchanged', async () => {
    const db = freshDb();
    const note = { type: 'note', at: T0 + MINUTE, data: { text: 'SpO₂ 88% — “café” 37.5°C 😀', label: 'Ärzt' } };
    const episode = await recordEpisode(db, { events: [note] });
    await endEpisode(episode.id, { status: 'completed', at: T0 + 2 * MINUTE }, db);
    const pack = (await db.packs.get(episode.id))!;
    expect([...pack.events].every((char) => char.charCodeAt(0) <= 0xff)).toBe(true);
    expect(unpack(pack)?.[1]?.data).toEqual(note.data);
    expect(unpack(pack)).toEqual((await loadEpisode(episode.id, db)).events);
  });

  it('are not kept for an open episode, nor for a chain that cannot be packed exactly', async () => {
    const db = freshDb();
    const open = await recordEpisode(db, { events: [reachRegistrar(T0 + MINUTE)] });
    expect(await db.packs.get(open.id)).toBeUndefined();
    const rows = (await loadEpisode(open.id, db)).events;
    expect(packOf(open.id, [rows[0]!, { ...rows[1]!, prevHash: '0'.repeat(64) }])).toBeNull();
    expect(packOf(open.id, [rows[0]!, { ...rows[1]!, seq: 3 }])).toBeNull();
    expect(packOf('another-episode', rows)).toBeNull();
  });

  it('give byte-identical exports to reading every event row', async () => {
    const { db } = await mixedLog();
    expect(await db.packs.count()).toBe(4); // addedAfterEnd's pack no longer reaches its head
    const fromPacks = await everyExport(db);
    await db.packs.clear();
    const fromRows = await everyExport(db);
    expect(fromPacks.json).toBe(fromRows.json);
    expect(fromPacks.events).toBe(fromRows.events);
    expect(fromPacks.episodes).toBe(fromRows.episodes);
    expect(fromPacks.fhir).toBe(fromRows.fhir);
    expect(JSON.parse(fromPacks.json).seal.eventCount).toBe(await db.events.count());
  });

  it('are what exports read for an ended episode, and rows are read when its pack is missing or out of date', async () => {
    const { db, packed, unpacked, addedAfterEnd } = await mixedLog();
    const pack = (await db.packs.get(packed.id))!;
    await db.packs.put({ ...pack, events: pack.events.replace('"noAnswer"', '"declined"') });
    const set = await collectExport({}, db);
    const eventsOf = (id: string) => set.episodes.find((item) => item.episode.id === id)!.events;
    expect(eventsOf(packed.id)[1]?.data.result).toBe('declined');
    expect(eventsOf(unpacked.id)).toEqual((await loadEpisode(unpacked.id, db)).events);
    expect(eventsOf(addedAfterEnd.id).map((event) => event.type).at(-1)).toBe('note');
  });

  it('falls back to rows when an ended episode’s pack could not be written, and the end still succeeds', async () => {
    const db = freshDb();
    const episode = await recordEpisode(db, { events: [reachRegistrar(T0 + MINUTE)] });
    const put = vi.spyOn(db.packs, 'put').mockRejectedValue(new DOMException('The disk is full', 'QuotaExceededError'));
    const ended = await endEpisode(episode.id, { status: 'completed', at: T0 + 2 * MINUTE }, db);
    put.mockRestore();
    expect(ended.episode.status).toBe('completed');
    expect(await db.packs.get(episode.id)).toBeUndefined();
    const file = JSON.parse(await exportLogJson({}, 'test', db)) as { episodes: Array<{ events: unknown[] }> };
    expect(file.episodes[0]!.events).toEqual((await loadEpisode(episode.id, db)).events);
  });

  it('are reported by verification when the copy and the rows disagree, whichever was edited', async () => {
    const { db, packed, linked, fromTablet } = await mixedLog();
    expect(await verifyEpisodes({}, db)).toEqual({ checked: 6, broken: [] });
    const pack = (await db.packs.get(packed.id))!;
    await db.packs.put({ ...pack, events: pack.events.replace('"noAnswer"', '"accepted"') });
    await db.events.update([linked.id, 3], { data: { role: 'someone-else', result: 'accepted' } });
    expect(await verifyEpisode(packed.id, db)).toEqual({ ok: false, brokenAt: 2, reason: expect.stringMatching(/export copy of event 2 differs/) });
    expect(await verifyEpisode(linked.id, db)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/changed after it was written/) });
    expect((await verifyEpisode(fromTablet.id, db)).ok).toBe(true);
    const tabletPack = (await db.packs.get(fromTablet.id))!;
    const hashes = Uint8Array.from(tabletPack.hashes);
    hashes[2 * 32] = hashes[2 * 32]! ^ 1; // the third event's hash
    await db.packs.put({ ...tabletPack, hashes });
    expect(await verifyEpisode(fromTablet.id, db)).toMatchObject({ ok: false, brokenAt: 3 });
    await db.packs.put(tabletPack);
    const report = await verifyEpisodes({}, db);
    expect(report.broken).toEqual([
      { episodeId: packed.id, brokenAt: 2, reason: expect.stringMatching(/export copy of event 2 differs/) },
      { episodeId: linked.id, brokenAt: 3, reason: expect.stringMatching(/changed after it was written/) },
    ]);
  });

  it('are written for ended episodes an import brings in or completes', async () => {
    const tablet = freshDb();
    const ended = await endedEpisode(tablet, T0);
    const open = await recordEpisode(tablet, { startedAt: T0 + HOUR, events: [reachRegistrar(T0 + HOUR + MINUTE)] });
    const lead = freshDb();
    await importLogJson(await exportLogJson({}, 'test', tablet), lead);
    expect(unpack((await lead.packs.get(ended.id))!)).toEqual((await loadEpisode(ended.id, lead)).events);
    expect(await lead.packs.get(open.id)).toBeUndefined();
    await endEpisode(open.id, { status: 'completed', at: T0 + HOUR + 5 * MINUTE }, tablet);
    expect(await importLogJson(await exportLogJson({}, 'test', tablet), lead)).toMatchObject({ extended: 1, duplicates: 1 });
    expect(unpack((await lead.packs.get(open.id))!)).toEqual((await loadEpisode(open.id, lead)).events);
    expect((await verifyEpisodes({}, lead)).broken).toEqual([]);
  });
});
