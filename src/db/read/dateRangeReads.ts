// Reading every episode of a date range for an export, oldest first. UUID v7
// ids begin with the start time, so the range is one primary-key range (one
// read per row) rather than an index range (an index read plus a row read).
import { episodesMatching, matchesFilters, type EpisodeFilters } from './episodeQueries';
import { idPrefix } from '../log';
import type { LogDb } from '../database';
import type { EpisodeRow } from '../database';

const EQUALITY_FILTERS = ['outcomeStepId', 'sopId', 'site', 'urgency', 'modality', 'status'] as const;

const oldestFirst = (a: EpisodeRow, b: EpisodeRow) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Episodes matching the filters, oldest first (equal start times by id). A
 * date-only filter reads the id range and keeps it only if it found as many
 * episodes as the start-time index counts; otherwise (ids that do not carry
 * their start time, from older versions) it reads through the index.
 */
export async function episodesOldestFirst(filters: EpisodeFilters, db: LogDb): Promise<EpisodeRow[]> {
  const dateOnly = EQUALITY_FILTERS.every((key) => filters[key] === undefined || filters[key] === '');
  if (dateOnly) {
    const from = filters.from ?? -Infinity;
    const to = filters.to ?? Infinity;
    const [counted, candidates] = await Promise.all([
      db.episodes.where('startedAt').between(from, to, true, false).count(),
      db.episodes.where(':id').between(filters.from === undefined ? '' : idPrefix(from), filters.to === undefined ? '\uffff' : idPrefix(to), true, false).toArray(),
    ]);
    const rows = candidates.filter((row) => matchesFilters(row, filters));
    if (rows.length === counted) return rows.sort(oldestFirst);
  }
  return (await episodesMatching(filters, db)).reverse();
}
