// Reading an export's episodes and chains in chunks (a pack block, or a slice
// of the stretches between blocks), each formatted as soon as it arrives while
// IndexedDB reads the next ones (its backend works off the main thread). Every
// request goes out at once in one read-only transaction on Dexie's connection,
// so the export is one consistent snapshot.
import { episodesOldestFirst } from '../read';
import { Chunk, readChains, result, type ExportRead, type ExportReadOptions, type Format } from './exportChunks';
import { readBlock, readStretch, type RangeRead } from './exportRanges';
import type { EpisodeFilters } from '../read';
import { idPrefix } from '../log';
import type { LogDb } from '../database';
import type { BlockKey } from '../packs';
import { runRequests } from '../database';

export type { ExportEntry, ExportRead, ExportReadOptions } from './exportChunks';

const DEFAULT_CHUNK = 250;
const EQUALITY_FILTERS = ['outcomeStepId', 'sopId', 'site', 'urgency', 'modality', 'status'] as const;


/**
 * The fast way for a date range: time-ordered (UUID v7) ids put the range's
 * episodes, their packs and the blocks holding them in one key range. Each
 * block in the range is read whole; the stretches between blocks are read in
 * slices of time. Null when the ids do not carry their start times (logs from
 * older versions): the slices would then miss or misorder episodes, so the
 * caller reads otherwise.
 */
async function readByIdRange(db: LogDb, filters: EpisodeFilters, options: ExportReadOptions, format: Format): Promise<ExportRead | null> {
  const lowId = filters.from === undefined ? '' : idPrefix(filters.from);
  const highId = filters.to === undefined ? '\uffff' : idPrefix(filters.to);
  if (lowId >= highId) return null;
  const segments: Chunk[][] = [];
  const segment = () => {
    const chunks: Chunk[] = [];
    segments.push(chunks);
    return chunks;
  };
  let counted = -1;
  const flags = { misplaced: false };
  await runRequests(db, ['episodes', 'events', 'packs', 'packBlocks'], (queue) => {
    const range: RangeRead = { queue, filters, options, format, chunkSize: options.chunkEpisodes ?? DEFAULT_CHUNK, flags };
    queue.get<number>('episodes', (store) => store.index('startedAt').count(IDBKeyRange.bound(filters.from ?? -Infinity, filters.to ?? Infinity, false, true)), (count) => {
      counted = count;
    });
    // Blocks hold chains; an export of summaries alone reads the summaries, a tenth of the bytes.
    if (!options.withEvents || !queue.has('packBlocks') || !queue.has('packs')) return readStretch(range, lowId, highId, segment());
    queue.get<BlockKey[]>('packBlocks', (store) => store.getAllKeys(), (keys) => {
      let covered = lowId;
      for (const key of keys) {
        const [from, to] = key;
        if (to <= lowId || from >= highId) continue;
        if (from > covered) readStretch(range, covered, from, segment());
        readBlock(range, key, [from > lowId ? from : lowId, to < highId ? to : highId], segment());
        covered = to;
      }
      if (covered < highId) readStretch(range, covered, highId, segment());
    });
  });
  const chunks = segments.flat();
  const found = chunks.reduce((sum, chunk) => sum + chunk.rows.length, 0);
  return flags.misplaced || found !== counted ? null : result(chunks);
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
