// Running totals per UTC month and SOP, kept in step with every episode
// summary change, so the governance dashboard reads a few hundred rows
// instead of every episode: inside the same transaction, except for the
// runner's taps, which note the change and have it settled just after
// (dueStats.ts). Rebuildable from the episodes at any time (the v3 migration
// and bulk loads do that).
import type { Table } from 'dexie';
import { EPISODE_STATUSES, type EpisodeRow, type EpisodeStatus } from '../database';

export interface MonthlyStatsRow {
  /** `${month}|${sopId}` */
  key: string;
  month: string;
  sopId: string;
  episodes: number;
  /** outcomes[urgency or ''][status] */
  outcomes: Record<string, Record<EpisodeStatus, number>>;
  /** Time from start to first clinician reached, one entry per episode that reached one (exact, for median and 90th percentile). */
  clinicianMs: number[];
  contacts: Record<string, { attempts: number; noAnswer: number }>;
}

/** Month key in UTC, so the same episode lands in the same month on every tablet. */
export function monthKey(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

export const statsKey = (episode: Pick<EpisodeRow, 'startedAt' | 'sopId'>) => `${monthKey(episode.startedAt)}|${episode.sopId}`;

function emptyStats(episode: EpisodeRow): MonthlyStatsRow {
  return { key: statsKey(episode), month: monthKey(episode.startedAt), sopId: episode.sopId, episodes: 0, outcomes: {}, clinicianMs: [], contacts: {} };
}

/** Adds (+1) or removes (-1) one episode's contribution. Mutates `stats`. */
function count(stats: MonthlyStatsRow, episode: EpisodeRow, sign: 1 | -1): void {
  stats.episodes += sign;
  const statuses = (stats.outcomes[episode.urgency] ??= Object.fromEntries(EPISODE_STATUSES.map((s) => [s, 0])) as Record<EpisodeStatus, number>);
  statuses[episode.status] += sign;
  if (episode.firstClinicianReachedAt !== null) {
    const ms = episode.firstClinicianReachedAt - episode.startedAt;
    if (sign === 1) stats.clinicianMs.push(ms);
    else {
      const at = stats.clinicianMs.indexOf(ms);
      if (at >= 0) stats.clinicianMs.splice(at, 1);
    }
  }
  for (const contact of episode.contacts) {
    const tally = (stats.contacts[contact.role] ??= { attempts: 0, noAnswer: 0 });
    tally.attempts += sign;
    if (contact.result === 'noAnswer') tally.noAnswer += sign;
  }
}

/** Whether a summary change moves any dashboard figure (most events do not). */
export function statsChanged(before: EpisodeRow | null, after: EpisodeRow): boolean {
  return (
    !before ||
    before.status !== after.status ||
    before.urgency !== after.urgency ||
    before.firstClinicianReachedAt !== after.firstClinicianReachedAt ||
    before.contacts.length !== after.contacts.length
  );
}

/** Moves an episode's contribution from its old summary to its new one. Call inside the write transaction. */
export async function updateMonthlyStats(table: Table<MonthlyStatsRow, string>, before: EpisodeRow | null, after: EpisodeRow): Promise<void> {
  if (!statsChanged(before, after)) return;
  const stats = (await table.get(statsKey(after))) ?? emptyStats(after);
  if (before) count(stats, before, -1);
  count(stats, after, 1);
  await table.put(stats);
}

/** Totals for a set of episodes, built in memory (migration, bulk load, tests). */
export function statsFromEpisodes(episodes: Iterable<EpisodeRow>): MonthlyStatsRow[] {
  const byKey = new Map<string, MonthlyStatsRow>();
  for (const episode of episodes) {
    const key = statsKey(episode);
    const stats = byKey.get(key) ?? emptyStats(episode);
    count(stats, episode, 1);
    byKey.set(key, stats);
  }
  return [...byKey.values()];
}
