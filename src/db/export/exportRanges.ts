// The two ways an export reads part of a date range (see exportReads.ts): a
// stretch of episodes in slices of time (summaries and packs, rows where no
// pack fits), or a pack block, used only while it still says what is stored.
import { Chunk, readChains, type ExportReadOptions, type Format } from './exportChunks';
import { matchesFilters, type EpisodeFilters } from '../read';
import { idPrefix, idTime } from '../log';
import { blockEventRange, blockIdRange, blockMembers, type BlockKey } from '../packs';
import type { RequestQueue } from '../database';
import type { EpisodeRow, PackBlockRow, PackRow } from '../database';

export const oldestFirst = (a: EpisodeRow, b: EpisodeRow) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface RangeRead {
  queue: RequestQueue;
  filters: EpisodeFilters;
  options: ExportReadOptions;
  format: Format;
  chunkSize: number;
  /** Set when an id in the range does not carry its episode's start time: the caller reads otherwise. */
  flags: { misplaced: boolean };
}

/**
 * Reads the episodes with ids in [low, high), and their chains, in slices of
 * equal time (as many as the stretch holds episodes ÷ chunk size), each
 * slice's summaries and packs asked for together: they share its key range.
 */
export function readStretch(read: RangeRead, low: string, high: string, segment: Chunk[]): void {
  const { queue, filters, options, format } = read;
  const idRange = IDBKeyRange.bound(low, high, false, true);
  let inStretch = 0;
  let first: IDBValidKey | undefined;
  queue.get<number>('episodes', (store) => store.count(idRange), (count) => {
    inStretch = count;
  });
  queue.get<IDBCursor | null>('episodes', (store) => store.openKeyCursor(idRange, 'next'), (cursor) => {
    first = cursor?.key;
  });
  queue.get<IDBCursor | null>('episodes', (store) => store.openKeyCursor(idRange, 'prev'), (cursor) => {
    const from = typeof first === 'string' ? idTime(first) : NaN;
    const to = typeof cursor?.key === 'string' ? idTime(cursor.key) : NaN;
    if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
      if (first !== undefined) read.flags.misplaced = true;
      return;
    }
    const count = Math.max(1, Math.min(Math.ceil(inStretch / read.chunkSize), to - from + 1));
    // Slices of equal time, each bound kept within the stretch and above the last, so they cover it exactly once.
    const bounds = [low];
    for (let n = 1; n < count; n += 1) {
      const bound = idPrefix(from + Math.floor((n * (to - from + 1)) / count));
      bounds.push(bound > high ? high : bound < bounds[n - 1]! ? bounds[n - 1]! : bound);
    }
    bounds.push(high);
    const withPacks = options.withEvents && queue.has('packs');
    for (let n = 0; n < count; n += 1) {
      const [sliceLow, sliceHigh] = [bounds[n]!, bounds[n + 1]!];
      if (sliceLow >= sliceHigh) continue;
      const slice = IDBKeyRange.bound(sliceLow, sliceHigh, false, true);
      const chunk = new Chunk();
      segment.push(chunk);
      queue.get<EpisodeRow[]>('episodes', (store) => store.getAll(slice), (rows) => {
        chunk.rows = rows.filter((row) => matchesFilters(row, filters)).sort(oldestFirst);
        if (chunk.rows.some((row) => idTime(row.id) !== Math.floor(row.startedAt))) read.flags.misplaced = true;
        if (!read.flags.misplaced && !withPacks) readChains(queue, chunk, options, format);
      });
      if (withPacks) {
        queue.get<PackRow[]>('packs', (store) => store.getAll(slice), (packs) => {
          if (!read.flags.misplaced) readChains(queue, chunk, options, format, packs);
        });
      }
    }
  });
}

/**
 * Reads one pack block and formats the episodes it holds in the range. It is
 * used only if its key range still holds exactly its episodes and events (so
 * no write since it was sealed added an episode or an event it lacks) and it is
 * well formed; otherwise its part of the range is read as any stretch is.
 */
export function readBlock(read: RangeRead, key: BlockKey, clip: [low: string, high: string], segment: Chunk[]): void {
  const { queue } = read;
  let episodesHeld = -1;
  let eventsHeld = -1;
  queue.get<number>('episodes', (store) => store.count(blockIdRange(key)), (count) => {
    episodesHeld = count;
  });
  queue.get<number>('events', (store) => store.count(blockEventRange(key)), (count) => {
    eventsHeld = count;
  });
  queue.get<PackBlockRow | undefined>('packBlocks', (store) => store.get(key), (block) => {
    const current = block && block.episodeCount === episodesHeld && block.eventCount === eventsHeld;
    const members = current ? blockMembers(block) : null;
    if (!block || !members) return readStretch(read, clip[0], clip[1], segment);
    const chunk = new Chunk();
    segment.push(chunk);
    const wanted = members.filter(({ episode }) => matchesFilters(episode, read.filters)).sort((a, b) => oldestFirst(a.episode, b.episode));
    chunk.rows = wanted.map(({ episode }) => episode);
    for (const { episode, events, hex } of wanted) chunk.chains.set(episode.id, { kind: 'pack', episodeId: episode.id, keys: block.keys, events, hex });
    chunk.finish(read.format, read.options.withEvents);
  });
}
