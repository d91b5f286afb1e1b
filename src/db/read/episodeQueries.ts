// The episode list: filters and keyset paging on startedAt (newest first).
// The most selective equality filter picks a [field+startedAt] index, and the
// range is read in chunks with getAll rather than row by row with a cursor.
import type { Collection } from 'dexie';
import { openLogDb, type LogDb } from '../database';
import type { EpisodeRow, EpisodeStatus, Urgency } from '../database';

export interface EpisodeFilters {
  /** Inclusive start of the date range, epoch ms. */
  from?: number;
  /** Exclusive end of the date range, epoch ms. */
  to?: number;
  sopId?: string;
  modality?: string;
  site?: string;
  urgency?: Urgency;
  status?: EpisodeStatus;
  outcomeStepId?: string;
}

/** Where the next page starts: the last row of the page before. */
export interface PageCursor {
  startedAt: number;
  id: string;
}

export interface EpisodePage {
  rows: EpisodeRow[];
  next: PageCursor | null;
}

type EqualityField = 'outcomeStepId' | 'sopId' | 'site' | 'urgency' | 'modality' | 'status';

const EQUALITY_FIELDS: readonly EqualityField[] = ['outcomeStepId', 'sopId', 'site', 'urgency', 'modality', 'status'];

/** The index to read through: the filter likely to match fewest episodes (abandoned and open are rare; completed is most). */
function indexFieldFor(filters: EpisodeFilters): EqualityField | undefined {
  const present = (key: EqualityField) => filters[key] !== undefined && filters[key] !== '';
  const rareStatus = present('status') && filters.status !== 'completed';
  const order: EqualityField[] = rareStatus
    ? ['outcomeStepId', 'status', 'sopId', 'site', 'urgency', 'modality']
    : ['outcomeStepId', 'sopId', 'site', 'urgency', 'modality', 'status'];
  return order.find(present);
}

export function matchesFilters(row: EpisodeRow, filters: EpisodeFilters): boolean {
  if (filters.from !== undefined && row.startedAt < filters.from) return false;
  if (filters.to !== undefined && row.startedAt >= filters.to) return false;
  return EQUALITY_FIELDS.every((key) => {
    const wanted = filters[key];
    return wanted === undefined || wanted === '' || row[key] === wanted;
  });
}

/** One index range, newest first, up to (and including) the cursor's start time. No JS filter, so it is read with getAll. */
function indexRange(db: LogDb, filters: EpisodeFilters, cursor: PageCursor | null): Collection<EpisodeRow, string> {
  const lower = filters.from ?? -Infinity;
  const upper = cursor ? cursor.startedAt : (filters.to ?? Infinity);
  const upperOpen = !cursor && filters.to !== undefined;
  const field = indexFieldFor(filters);
  const range = field
    ? db.episodes.where(`[${field}+startedAt]`).between([filters[field], lower], [filters[field], upper], true, !upperOpen)
    : db.episodes.where('startedAt').between(lower, upper, true, !upperOpen);
  return range.reverse();
}

/** Equal start times come in descending id order when reversed: skip those at or before the cursor. */
const isAfter = (row: EpisodeRow, cursor: PageCursor | null) => !cursor || row.startedAt < cursor.startedAt || row.id < cursor.id;

/**
 * Reads matching rows newest first in growing chunks (one getAll each) until
 * `wanted` are found or the range ends: far fewer round trips than a cursor
 * with a filter when the other filters are selective.
 */
async function readMatching(db: LogDb, filters: EpisodeFilters, cursor: PageCursor | null, wanted: number): Promise<EpisodeRow[]> {
  const found: EpisodeRow[] = [];
  let position = cursor;
  let chunk = Math.min(Math.max(wanted, 32), 4096);
  for (;;) {
    const rows = await indexRange(db, filters, position).limit(chunk).toArray();
    for (const row of rows) {
      if (isAfter(row, position) && matchesFilters(row, filters)) found.push(row);
      if (found.length >= wanted) return found;
    }
    const last = rows[rows.length - 1];
    if (rows.length < chunk || !last) return found;
    position = { startedAt: last.startedAt, id: last.id };
    chunk = Math.min(chunk * 2, 4096);
  }
}

export async function listEpisodes(
  filters: EpisodeFilters = {},
  cursor: PageCursor | null = null,
  pageSize = 50,
  db: LogDb = openLogDb(),
): Promise<EpisodePage> {
  const rows = await readMatching(db, filters, cursor, pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > pageSize && last ? { startedAt: last.startedAt, id: last.id } : null };
}

/** All rows matching the filters (for exports and checks), newest first. */
export function episodesMatching(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<EpisodeRow[]> {
  return readMatching(db, filters, null, Infinity);
}
