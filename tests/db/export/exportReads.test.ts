// The chunked export read: whatever the chunk size and however each episode's
// chain is stored (pack, rows, a stale or damaged pack, an older app's random
// id), it hands over the same episodes in the same order with the same events
// as reading everything at once, and the exports built on it are byte for byte
// what JSON.stringify and a spreadsheet writer make of the stored rows.
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { appendEvents, endEpisode, newEpisodeId, sha256Hex, canonicalJson } from '../../../src/db/log';
import { collectExport, exportEventsCsv, exportLogJson, neutraliseCell } from '../../../src/db/export';
import { GENESIS_HASH, type LogDb } from '../../../src/db/database';
import { type EpisodeFilters } from '../../../src/db/read';
import { chainEvents } from '../../../src/db/log';
import { sealBlocks } from '../../../src/db/packs';
import { idTime } from '../../../src/db/log';
import { episodeFromEvents } from '../../../src/db/log';
import { readExport, type ExportEntry } from '../../../src/db/export';
import { LOG_EXPORT_FORMAT, exportLogJsonFile } from '../../../src/db/export';
import { exportEventsCsvFile } from '../../../src/db/export';
import { freshDb, grownAfterItsEnd, legacyEpisode, recordEpisode, reachRegistrar, T0, MINUTE } from '../logFixtures';

const HOUR = 60 * MINUTE;

/**
 * Twenty episodes over a day, stored every way a chain can be: packed, open,
 * unpacked, grown after its end, damaged pack. With `blocks`, sealed into
 * blocks of three before those changes, then one block damaged and one given
 * an episode behind its back (a write that did not take the block with it).
 */
async function variedLog(options: { legacy?: boolean; blocks?: boolean } = {}) {
  const db = freshDb();
  const ids: string[] = [];
  for (let n = 0; n < 20; n += 1) {
    const startedAt = T0 + n * HOUR + (n % 3) * 7;
    const episode = await recordEpisode(db, { startedAt, withCollapse: n % 4 === 0, site: n % 5 === 0 ? '=Riverside, "East"' : 'Riverside CDC', events: [reachRegistrar(startedAt + MINUTE, n % 2 ? 'noAnswer' : 'accepted')] });
    ids.push(episode.id);
    if (n % 6 !== 5) await endEpisode(episode.id, { status: 'completed', urgency: 'same-day', outcomeStepId: 'sameDayReview', at: startedAt + 2 * MINUTE }, db);
  }
  // Two episodes started in the same millisecond, a note with characters above U+00FF.
  const twin = await recordEpisode(db, { startedAt: T0 + 3 * HOUR + 7, events: [{ type: 'note', at: T0 + 3 * HOUR + MINUTE, data: { text: 'SpO₂ 88% — “café”' } }] });
  await endEpisode(twin.id, { status: 'abandoned', reason: 'Patient left', at: T0 + 3 * HOUR + 2 * MINUTE }, db);
  if (options.blocks) await sealBlocks(db, 3);
  await db.packs.delete(ids[2]!);
  await grownAfterItsEnd(db, ids[4]!, { type: 'note', at: T0 + 4 * HOUR + 10 * MINUTE, data: { text: 'added after the end' } });
  const damaged = (await db.packs.get(ids[7]!))!;
  await db.packs.put({ ...damaged, events: damaged.events.slice(0, -3) });
  if (options.legacy) for (const n of [1, 9, 15]) await legacyEpisode(db, T0 + n * HOUR + 30 * MINUTE, { type: 'abandoned', data: { reason: 'legacy' } });
  if (options.blocks) {
    const blocks = await db.packBlocks.toArray();
    expect(blocks.length).toBeGreaterThan(3);
    await db.packBlocks.put({ ...blocks[1]!, events: blocks[1]!.events.slice(0, -2) });
    const hidden = await endedEpisodeBehindTheBlocksBack(db, blocks[blocks.length - 2]!.from);
    ids.push(hidden);
  }
  return db;
}

/** An ended episode written straight into a block's range, as a write that forgot the block would leave it. */
async function endedEpisodeBehindTheBlocksBack(db: LogDb, blockFrom: string): Promise<string> {
  const startedAt = idTime(blockFrom);
  const episodeId = newEpisodeId(startedAt);
  const events = await chainEvents({ seq: 0, hash: GENESIS_HASH }, [
    { episodeId, id: `${episodeId}-1`, type: 'episode-started', stepId: '', at: startedAt, mono: 0, data: { sopId: 'fast-af', site: 'Riverside CDC', modality: 'echo' } },
    { episodeId, id: `${episodeId}-2`, type: 'abandoned', stepId: '', at: startedAt + MINUTE, mono: 60_000, data: { reason: 'hidden' } },
  ]);
  await db.episodes.add(episodeFromEvents(events, 'local')!);
  await db.events.bulkAdd(events);
  return episodeId;
}

/** What a chunked read hands over (chunks may be formatted out of order; their text is kept in order), as plain events to compare. */
async function chunkedRead(db: LogDb, filters: EpisodeFilters, chunkEpisodes: number) {
  const chains = new Map<string, ExportEntry['chain']>();
  const read = await readExport(filters, db, { withEvents: true, chunkEpisodes }, (entries) => {
    for (const { episode, chain } of entries) chains.set(episode.id, chain);
    return entries.map(({ episode }) => episode.id).join(' ');
  });
  const events = read.episodes.map(({ id }) => {
    const chain = chains.get(id);
    return {
      id,
      events: chain?.kind === 'rows' ? chain.rows : chain?.events.map(([eventId, type, stepId, data, at, mono], index) => ({ seq: index + 1, id: eventId, type, stepId, data, at, mono, hash: chain.hex.slice(index * 64, index * 64 + 64) })),
    };
  });
  return { read, events };
}

const comparable = (events: ReadonlyArray<{ seq: number; id: string; type: string; stepId: string; data: unknown; at: number; mono: number; hash: string }>) =>
  events.map(({ seq, id, type, stepId, data, at, mono, hash }) => ({ seq, id, type, stepId, data, at, mono, hash }));

describe('the chunked export read', () => {
  const ranges: EpisodeFilters[] = [{}, { from: T0 + 2 * HOUR, to: T0 + 15 * HOUR }, { from: T0 + 3 * HOUR + 7 }, { to: T0 + 3 * HOUR + 7 }, { sopId: 'fast-af', from: T0 + HOUR }, { from: T0 + 30 * HOUR }];
  for (const [legacy, blocks] of [[false, false], [true, false], [false, true], [true, true]]) {
    it(`hands over every episode in order with its stored events, in chunks of any size${legacy ? ', with an older app’s ids among them' : ''}${blocks ? ', from blocks current, stale and damaged' : ''}`, async () => {
      const db = await variedLog({ legacy, blocks });
      for (const filters of ranges) {
        const whole = await collectExport(filters, db);
        const expected = whole.episodes.map(({ episode, events }) => ({ id: episode.id, events: comparable(events) }));
        for (const chunk of [1, 3, 500]) {
          const { read, events } = await chunkedRead(db, filters, chunk);
          expect(read.episodes).toEqual(whole.episodes.map((item) => item.episode));
          expect(events.map((item) => ({ id: item.id, events: comparable(item.events ?? []) }))).toEqual(expected);
          expect(read.parts.filter((part) => part !== '').join(' ')).toBe(read.episodes.map((row) => row.id).join(' '));
          // Slices are of time: only the two episodes started in the same millisecond share one.
          if (chunk === 1 && !blocks) expect(read.parts.filter((part) => part !== '').length).toBeGreaterThanOrEqual(read.episodes.length - 1);
          expect(read.sopHashes).toEqual(expect.arrayContaining(whole.sops.map((sop) => sop.hash)));
        }
      }
    });
  }

  it('reads a pack only when it ends at the episode’s head, and reads rows for the rest', async () => {
    const db = await variedLog();
    const { events } = await chunkedRead(db, {}, 4);
    const all = await collectExport({}, db);
    const kinds = new Map<string, string>();
    await readExport({}, db, { withEvents: true, chunkEpisodes: 4 }, (entries) => {
      for (const { episode, chain } of entries) kinds.set(episode.id, chain!.kind);
      return '';
    });
    const byStatus = all.episodes.map(({ episode }) => [episode.status === 'open', kinds.get(episode.id)]);
    expect(byStatus.filter(([open]) => open).every(([, kind]) => kind === 'rows')).toBe(true);
    expect([...kinds.values()].filter((kind) => kind === 'rows')).toHaveLength(3 + 3); // three open, and the unpacked, grown and damaged ones
    expect(events.find((item) => item.events?.some((event) => event.data.text === 'added after the end'))).toBeDefined();
  });

  it('fails whole, with the reason, when a chunk cannot be written, rather than hanging or giving part of the log', async () => {
    const db = await variedLog();
    const refused = readExport({}, db, { withEvents: true, chunkEpisodes: 3 }, (entries) => {
      if (entries.some(({ episode }) => episode.status === 'open')) throw new Error('The disk is full');
      return 'chunk';
    });
    await expect(refused).rejects.toThrow('The disk is full');
  });
});

describe('exports written from chunks', () => {
  async function fixedTime<T>(task: () => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 30 * 24 * HOUR);
    try {
      return await task();
    } finally {
      vi.useRealTimers();
    }
  }

  it('write the JSON export exactly as JSON.stringify writes the stored log, from rows, packs and blocks', async () => {
    for (const blocks of [false, true]) {
    const db = await variedLog({ legacy: true, blocks });
    for (const filters of [{}, { from: T0 + 2 * HOUR, to: T0 + 15 * HOUR }, { site: 'Riverside CDC' }]) {
      const text = await fixedTime(() => exportLogJson(filters, 'test', db));
      const set = await collectExport(filters, db);
      const heads = set.episodes.map(({ episode }) => `${episode.id} ${episode.lastSeq} ${episode.headHash}`).sort();
      const latest = set.episodes.reduce((best, item) => (!best || item.episode.lastEventAt > best.lastEventAt ? item.episode : best), set.episodes[0]?.episode);
      const expected = JSON.stringify({
        format: LOG_EXPORT_FORMAT, exportedAt: new Date(T0 + 30 * 24 * HOUR).toISOString(), appVersion: 'test',
        range: { from: filters.from === undefined ? null : new Date(filters.from).toISOString(), to: filters.to === undefined ? null : new Date(filters.to).toISOString() },
        sops: set.sops, episodes: set.episodes,
        seal: {
          episodeCount: set.episodes.length, eventCount: set.episodes.reduce((sum, item) => sum + item.events.length, 0),
          latestHead: latest ? { episodeId: latest.id, seq: latest.lastSeq, hash: latest.headHash, at: new Date(latest.lastEventAt).toISOString() } : null,
          headsDigest: await sha256Hex(canonicalJson(heads)),
        },
      });
      expect(text).toBe(expected);
    }
    }
  });

  it('write the events CSV as a spreadsheet writer writes the stored rows, formula-safe, from rows, packs and blocks', async () => {
    for (const blocks of [false, true]) {
    const db = await variedLog({ legacy: true, blocks });
    const set = await collectExport({}, db);
    const rows = set.episodes.flatMap(({ episode, events }) => events.map((ev) => [
      episode.id, ev.seq, ev.id, ev.type, ev.stepId, new Date(ev.at).toISOString(), Math.round((ev.at - episode.startedAt) / 1000),
      Math.round(ev.mono), JSON.stringify(ev.data), ev.prevHash, ev.hash,
    ].map(neutraliseCell)));
    const text = await exportEventsCsv({}, db);
    const body = text.slice(0, text.indexOf('\r\n\r\nExport seal'));
    expect(body.slice(body.indexOf('\r\n') + 2)).toBe(Papa.unparse(rows, { newline: '\r\n' }));
    }
  });

  it('give the same file as bytes, each chunk encoded as it is read, as the text the download joined before', async () => {
    const db = await variedLog({ blocks: true });
    const text = await fixedTime(() => exportLogJson({}, 'test', db));
    const utf8 = (bytes: Uint8Array) => Array.from(bytes);
    expect(utf8(await fixedTime(() => exportLogJsonFile({}, 'test', db)))).toEqual(utf8(new TextEncoder().encode(text)));
    for (const filters of [{}, { from: T0 + 2 * HOUR, to: T0 + 15 * HOUR }, { site: 'Riverside CDC' }, { from: T0 + 40 * HOUR }]) {
      expect(utf8(await exportEventsCsvFile(filters, db))).toEqual(utf8(new TextEncoder().encode(await exportEventsCsv(filters, db))));
    }
  });

  it('gives each episode’s events at the times toISOString gives, across days, years and odd times', async () => {
    const db = freshDb();
    const times = [0, 1, 999.9, 86_399_999.5, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1969, 11, 31, 23, 59, 59, 500), -1.5, 253402300799999, 253402300800000, 8.64e15];
    const id = newEpisodeId(T0);
    const started = { episodeId: id, id: 'e', type: 'episode-started', stepId: '', at: T0, mono: 0, data: {} };
    const events = await chainEvents({ seq: 0, hash: GENESIS_HASH }, [started, ...times.map((at, n) => ({ episodeId: id, id: `e${n}`, type: 'note', stepId: '', at, mono: at, data: {} }))]);
    await db.episodes.add(episodeFromEvents(events, 'local')!);
    await db.events.bulkAdd(events);
    const rows = Papa.parse<string[]>(await exportEventsCsv({}, db)).data.slice(2, times.length + 2);
    expect(rows.map((row) => row[5])).toEqual(times.map((at) => neutraliseCell(new Date(at).toISOString())));
  });
});
