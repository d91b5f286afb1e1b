// The episode list: filters and keyset paging on startedAt (newest first).
// The most selective equality filter picks a [field+startedAt] index, so a
// page is read from an index range rather than by scanning the table.
import type { Collection } from 'dexie';
import { openLogDb, type LogDb } from './logDb';
import type { EpisodeRow, EpisodeStatus, Urgency } from './rows';

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

/** Most selective first: the index used is the first filter present. */
const INDEXED_FIELDS: readonly EqualityField[] = ['outcomeStepId', 'sopId', 'site', 'urgency', 'modality', 'status'];

export function matchesFilters(row: EpisodeRow, filters: EpisodeFilters): boolean {
  if (filters.from !== undefined && row.startedAt < filters.from) return false;
  if (filters.to !== undefined && row.startedAt >= filters.to) return false;
  return INDEXED_FIELDS.every((key) => {
    const wanted = filters[key];
    return wanted === undefined || wanted === '' || row[key] === wanted;
  });
}

/** Rows in the date range (and before the cursor), newest first, through the best index. */
export function filteredEpisodes(db: LogDb, filters: EpisodeFilters, cursor: PageCursor | null = null): Collection<EpisodeRow, string> {
  const lower = filters.from ?? -Infinity;
  const upper = cursor ? cursor.startedAt : (filters.to ?? Infinity);
  const upperOpen = !cursor && filters.to !== undefined;
  const field = INDEXED_FIELDS.find((key) => filters[key] !== undefined && filters[key] !== '');
  const range = field
    ? db.episodes.where(`[${field}+startedAt]`).between([filters[field], lower], [filters[field], upper], true, !upperOpen)
    : db.episodes.where('startedAt').between(lower, upper, true, !upperOpen);
  const rest = Object.keys(filters).some((key) => key !== field && key !== 'from' && key !== 'to' && filters[key as keyof EpisodeFilters]);
  // Equal startedAt values come in descending id order when reversed; skip those already shown.
  const afterCursor = (row: EpisodeRow) => !cursor || row.startedAt < cursor.startedAt || row.id < cursor.id;
  const collection = range.reverse();
  return rest || cursor ? collection.filter((row) => afterCursor(row) && matchesFilters(row, filters)) : collection;
}

export async function listEpisodes(
  filters: EpisodeFilters = {},
  cursor: PageCursor | null = null,
  pageSize = 50,
  db: LogDb = openLogDb(),
): Promise<EpisodePage> {
  const rows = await filteredEpisodes(db, filters, cursor).limit(pageSize + 1).toArray();
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > pageSize && last ? { startedAt: last.startedAt, id: last.id } : null };
}

/** All rows matching the filters (for the dashboard and exports), newest first. */
export function episodesMatching(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<EpisodeRow[]> {
  return filteredEpisodes(db, filters).toArray();
}
