// Reading an export's episodes and chains in chunks, each chunk formatted as
// soon as it arrives while IndexedDB reads the next ones (its backend works off
// the main thread). Every request goes out at once in one read-only transaction
// on Dexie's connection, so the export is one consistent snapshot.
import { episodesOldestFirst } from './dateRangeReads';
import { Chunk, readChains, result, type ExportRead, type ExportReadOptions, type Format } from './exportChunks';
import { matchesFilters, type EpisodeFilters } from './episodeQueries';
import { idPrefix, idTime } from './episodeId';
import type { LogDb } from './logDb';
import type { EpisodeRow, PackRow } from './rows';
import { runRequests } from './readQueue';

export type { ExportEntry, ExportRead, ExportReadOptions } from './exportChunks';

const DEFAULT_CHUNK = 250;
const EQUALITY_FILTERS = ['outcomeStepId', 'sopId', 'site', 'urgency', 'modality', 'status'] as const;
const oldestFirst = (a: EpisodeRow, b: EpisodeRow) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);


/**
 * The fast way for a date range: time-ordered (UUID v7) ids put the range's
 * episodes, and their packs, in one key range, read in slices of time. Null
 * when the ids do not carry their start times (logs from older versions): the
 * slices would then miss or misorder episodes, so the caller reads otherwise.
 */
async function readByIdRange(db: LogDb, filters: EpisodeFilters, options: ExportReadOptions, format: Format): Promise<ExportRead | null> {
  const lowId = filters.from === undefined ? '' : idPrefix(filters.from);
  const highId = filters.to === undefined ? '\uffff' : idPrefix(filters.to);
  if (lowId >= highId) return null;
  const idRange = IDBKeyRange.bound(lowId, highId, false, true);
  const chunkSize = options.chunkEpisodes ?? DEFAULT_CHUNK;
  const chunks: Chunk[] = [];
  let counted = -1;
  let misplaced = false;
  await runRequests(db, ['episodes', 'events', 'packs'], (queue) => {
    queue.get<number>('episodes', (store) => store.index('startedAt').count(IDBKeyRange.bound(filters.from ?? -Infinity, filters.to ?? Infinity, false, true)), (count) => {
      counted = count;
    });
    let first: IDBValidKey | undefined;
    queue.get<IDBCursor | null>('episodes', (store) => store.openKeyCursor(idRange, 'next'), (cursor) => {
      first = cursor?.key;
    });
    queue.get<IDBCursor | null>('episodes', (store) => store.openKeyCursor(idRange, 'prev'), (cursor) => {
      const from = typeof first === 'string' ? idTime(first) : NaN;
      const to = typeof cursor?.key === 'string' ? idTime(cursor.key) : NaN;
      if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
        misplaced = first !== undefined;
        return;
      }
      const count = Math.max(1, Math.min(Math.ceil(counted / chunkSize), to - from + 1));
      // Slices of equal time, each bound kept within the range and above the last, so they cover it exactly once.
      const bounds = [lowId];
      for (let n = 1; n < count; n += 1) {
        const bound = idPrefix(from + Math.floor((n * (to - from + 1)) / count));
        bounds.push(bound > highId ? highId : bound < bounds[n - 1]! ? bounds[n - 1]! : bound);
      }
      bounds.push(highId);
      const withPacks = options.withEvents && queue.has('packs');
      for (let n = 0; n < count; n += 1) {
        const [low, high] = [bounds[n]!, bounds[n + 1]!];
        if (low >= high) continue;
        const slice = IDBKeyRange.bound(low, high, false, true);
        const chunk = new Chunk();
        chunks.push(chunk);
        queue.get<EpisodeRow[]>('episodes', (store) => store.getAll(slice), (rows) => {
          chunk.rows = rows.filter((row) => matchesFilters(row, filters)).sort(oldestFirst);
          if (chunk.rows.some((row) => idTime(row.id) !== Math.floor(row.startedAt))) misplaced = true;
          if (!misplaced && !withPacks) readChains(queue, chunk, options, format);
        });
        // The slice's packs share its key range, so they are asked for at once, not after its summaries arrive.
        if (withPacks) {
          queue.get<PackRow[]>('packs', (store) => store.getAll(slice), (packs) => {
            if (!misplaced) readChains(queue, chunk, options, format, packs);
          });
        }
      }
    });
  });
  const found = chunks.reduce((sum, chunk) => sum + chunk.rows.length, 0);
  return misplaced || found !== counted ? null : result(chunks);
}

/** Any filter: the matching summaries first (through the indexes), then their chains in chunks. */
async function readByRows(db: LogDb, filters: EpisodeFilters, options: ExportReadOptions, format: Format): Promise<ExportRead> {
  const rows = await db.transaction('r', [db.episodes], () => episodesOldestFirst(filters, db));
  const chunkSize = options.chunkEpisodes ?? DEFAULT_CHUNK;
  const chunks: Chunk[] = [];
  for (let at = 0; at < rows.length; at += chunkSize) {
    const chunk = new Chunk();
    chunk.rows = rows.slice(at, at + chunkSize);
    chunks.push(chunk);
  }
  await runRequests(db, ['episodes', 'events', 'packs'], (queue) => {
    for (const chunk of chunks) readChains(queue, chunk, options, format);
  });
  return result(chunks);
}

/** Reads the export of the filters' episodes, handing each chunk to `format` as it arrives. */
export async function readExport(filters: EpisodeFilters, db: LogDb, options: ExportReadOptions, format: Format): Promise<ExportRead> {
  const dateOnly = EQUALITY_FILTERS.every((key) => filters[key] === undefined || filters[key] === '');
  return (dateOnly && (await readByIdRange(db, filters, options, format))) || readByRows(db, filters, options, format);
}
