// Reading the chains of many episodes at once (exports, bulk verify): from
// their packs where a pack matches the episode's head, otherwise from the event
// rows. Both are read as key ranges when the episodes sit together.
import { isEnded, packFits, unpack } from '../packs';
import { packTables, type LogDb } from '../database';
import type { EpisodeRow, EventRow, PackRow } from '../database';

/**
 * Time-ordered (UUID v7) ids put a date range's episodes in one key range, so
 * one range read serves them all, unless the range would sweep in far more
 * episodes than wanted (old random ids, or a selective filter).
 */
async function idSpan(db: LogDb, rows: readonly EpisodeRow[]): Promise<{ low: string; high: string } | null> {
  let low = rows[0]!.id;
  let high = low;
  for (const row of rows) {
    if (row.id < low) low = row.id;
    if (row.id > high) high = row.id;
  }
  const inRange = await db.episodes.where(':id').between(low, high, true, true).count();
  return inRange <= rows.length * 2 + 100 ? { low, high } : null;
}

/** The stored event rows of the given episodes, in chain order, keyed in the order given. */
export async function eventRowsFor(db: LogDb, rows: readonly EpisodeRow[]): Promise<Map<string, EventRow[]>> {
  const byEpisode = new Map<string, EventRow[]>(rows.map((row) => [row.id, []]));
  if (rows.length === 0) return byEpisode;
  const span = await idSpan(db, rows);
  if (span) {
    const events = await db.events.where('[episodeId+seq]').between([span.low, -Infinity], [span.high, Infinity], true, true).toArray();
    for (const event of events) byEpisode.get(event.episodeId)?.push(event);
    return byEpisode;
  }
  const lists = await Promise.all(rows.map((row) => db.events.where('[episodeId+seq]').between([row.id, 0], [row.id, Infinity], true, true).toArray()));
  rows.forEach((row, index) => byEpisode.set(row.id, lists[index] ?? []));
  return byEpisode;
}

/** The packs of the given episodes that match their heads (ended episodes only). */
export async function packsFor(db: LogDb, rows: readonly EpisodeRow[]): Promise<Map<string, PackRow>> {
  const ended = rows.filter(isEnded);
  const fitting = new Map<string, PackRow>();
  if (ended.length === 0 || packTables(db).length === 0) return fitting;
  const span = await idSpan(db, ended);
  const packs = span
    ? await db.packs.where(':id').between(span.low, span.high, true, true).toArray()
    : (await db.packs.bulkGet(ended.map((row) => row.id))).filter((pack): pack is PackRow => pack !== undefined);
  const byId = new Map(packs.map((pack) => [pack.episodeId, pack]));
  for (const episode of ended) {
    const pack = byId.get(episode.id);
    if (packFits(pack, episode)) fitting.set(episode.id, pack);
  }
  return fitting;
}

/** Every given episode's events: unpacked from its pack when it has a fitting one, else read from rows. */
export async function chainsFor(db: LogDb, rows: readonly EpisodeRow[]): Promise<Map<string, EventRow[]>> {
  const packs = await packsFor(db, rows);
  const unpacked = rows.filter((row) => !packs.has(row.id));
  const fromRows = await eventRowsFor(db, unpacked);
  const byEpisode = new Map<string, EventRow[]>();
  const unreadable: EpisodeRow[] = [];
  for (const row of rows) {
    const pack = packs.get(row.id);
    const events = pack ? unpack(pack) : null;
    byEpisode.set(row.id, events ?? fromRows.get(row.id) ?? []);
    if (pack && !events) unreadable.push(row);
  }
  // A pack that cannot be read is ignored: the rows are the record.
  for (const [id, events] of await eventRowsFor(db, unreadable)) byEpisode.set(id, events);
  return byEpisode;
}
