// Governance figures computed from episode summaries alone (no event scans):
// episodes per SOP per month, outcomes by urgency, time from start to the first
// clinician reached, and the contacts that most often did not answer.
import { openLogDb, type LogDb } from './logDb';
import { episodesMatching, type EpisodeFilters } from './episodeQueries';
import { EPISODE_STATUSES, URGENCIES, type EpisodeRow, type EpisodeStatus } from './rows';

export interface TimeToClinician {
  sopId: string;
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface DashboardFigures {
  total: number;
  months: string[];
  sopIds: string[];
  /** perSopMonth[sopId][month] = episodes started that month. */
  perSopMonth: Record<string, Record<string, number>>;
  urgencyLevels: string[];
  /** outcomesByUrgency[urgency][status]; urgency '' is "no outcome reached". */
  outcomesByUrgency: Record<string, Record<EpisodeStatus, number>>;
  timeToClinician: { overall: TimeToClinician; bySop: TimeToClinician[] };
  unanswered: Array<{ role: string; noAnswer: number; attempts: number }>;
}

/** Month key in UTC, so the same episode lands in the same month on every tablet. */
export function monthKey(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? null;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timing(sopId: string, durations: number[]): TimeToClinician {
  const sorted = Float64Array.from(durations).sort();
  const list = Array.from(sorted);
  return { sopId, count: list.length, medianMs: median(list), p90Ms: percentile(list, 0.9) };
}

const emptyStatusCounts = (): Record<EpisodeStatus, number> => ({ open: 0, completed: 0, abandoned: 0 });

export function computeDashboard(rows: readonly EpisodeRow[]): DashboardFigures {
  const perSopMonth: Record<string, Record<string, number>> = {};
  const months = new Set<string>();
  const outcomesByUrgency: Record<string, Record<EpisodeStatus, number>> = {};
  const durations = new Map<string, number[]>();
  const all: number[] = [];
  const roles = new Map<string, { noAnswer: number; attempts: number }>();

  for (const row of rows) {
    const month = monthKey(row.startedAt);
    months.add(month);
    const bySop = (perSopMonth[row.sopId] ??= {});
    bySop[month] = (bySop[month] ?? 0) + 1;
    const statuses = (outcomesByUrgency[row.urgency] ??= emptyStatusCounts());
    statuses[row.status] += 1;
    if (row.firstClinicianReachedAt !== null) {
      const ms = row.firstClinicianReachedAt - row.startedAt;
      all.push(ms);
      const list = durations.get(row.sopId);
      if (list) list.push(ms);
      else durations.set(row.sopId, [ms]);
    }
    for (const contact of row.contacts) {
      const tally = roles.get(contact.role) ?? { noAnswer: 0, attempts: 0 };
      tally.attempts += 1;
      if (contact.result === 'noAnswer') tally.noAnswer += 1;
      roles.set(contact.role, tally);
    }
  }

  const urgencyLevels = [...URGENCIES, ''].filter((level) => outcomesByUrgency[level]);
  for (const level of urgencyLevels) for (const status of EPISODE_STATUSES) outcomesByUrgency[level]![status] ??= 0;
  return {
    total: rows.length,
    months: [...months].sort(),
    sopIds: Object.keys(perSopMonth).sort(),
    perSopMonth,
    urgencyLevels,
    outcomesByUrgency,
    timeToClinician: {
      overall: timing('all', all),
      bySop: [...durations.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([sopId, list]) => timing(sopId, list)),
    },
    unanswered: [...roles.entries()]
      .map(([role, tally]) => ({ role, ...tally }))
      .filter((entry) => entry.noAnswer > 0)
      .sort((a, b) => b.noAnswer - a.noAnswer || a.role.localeCompare(b.role))
      .slice(0, 10),
  };
}

export async function loadDashboard(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<DashboardFigures> {
  return computeDashboard(await episodesMatching(filters, db));
}
