// Governance figures from the running monthly totals: episodes per SOP per
// month, episodes per urgency per month (the trend), outcomes by urgency, time from start to the first clinician reached
// (median and 90th percentile, exact), and the roles that most often did not
// answer. Reads a few hundred rows whatever the size of the log.
import { openLogDb, type LogDb } from '../database';
import { statsFromEpisodes, type MonthlyStatsRow } from './monthlyStats';
import { settleDueStats } from './dueStats';
import { EPISODE_STATUSES, URGENCIES, type EpisodeRow, type EpisodeStatus } from '../database';

export { monthKey } from './monthlyStats';

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
  /** perUrgencyMonth[urgency or ''][month] = episodes started that month that reached that urgency (the trend). */
  perUrgencyMonth: Record<string, Record<string, number>>;
  /** outcomesByUrgency[urgency][status]; urgency '' is "no outcome reached". */
  outcomesByUrgency: Record<string, Record<EpisodeStatus, number>>;
  timeToClinician: { overall: TimeToClinician; bySop: TimeToClinician[] };
  unanswered: Array<{ role: string; noAnswer: number; attempts: number }>;
}

/** Inclusive UTC month range, "YYYY-MM". */
export interface MonthRange {
  fromMonth?: string;
  toMonth?: string;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: ArrayLike<number>, fraction: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? null;
}

function median(sorted: ArrayLike<number>): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timing(sopId: string, durations: number[]): TimeToClinician {
  const sorted = Float64Array.from(durations).sort();
  return { sopId, count: sorted.length, medianMs: median(sorted), p90Ms: percentile(sorted, 0.9) };
}

export function figuresFromStats(rows: readonly MonthlyStatsRow[]): DashboardFigures {
  const perSopMonth: Record<string, Record<string, number>> = {};
  const months = new Set<string>();
  const outcomesByUrgency: Record<string, Record<EpisodeStatus, number>> = {};
  const perUrgencyMonth: Record<string, Record<string, number>> = {};
  const durations = new Map<string, number[]>();
  const roles = new Map<string, { noAnswer: number; attempts: number }>();
  let total = 0;

  for (const row of rows) {
    if (row.episodes <= 0) continue;
    total += row.episodes;
    months.add(row.month);
    (perSopMonth[row.sopId] ??= {})[row.month] = row.episodes;
    for (const [urgency, statuses] of Object.entries(row.outcomes)) {
      const sum = (outcomesByUrgency[urgency] ??= { open: 0, completed: 0, abandoned: 0 });
      let reached = 0;
      for (const status of EPISODE_STATUSES) {
        sum[status] += statuses[status] ?? 0;
        reached += statuses[status] ?? 0;
      }
      const byMonth = (perUrgencyMonth[urgency] ??= {});
      byMonth[row.month] = (byMonth[row.month] ?? 0) + reached;
    }
    const list = durations.get(row.sopId) ?? [];
    for (const ms of row.clinicianMs) list.push(ms);
    durations.set(row.sopId, list);
    for (const [role, tally] of Object.entries(row.contacts)) {
      const sum = roles.get(role) ?? { noAnswer: 0, attempts: 0 };
      sum.noAnswer += tally.noAnswer;
      sum.attempts += tally.attempts;
      roles.set(role, sum);
    }
  }

  const urgencyLevels = [...URGENCIES, ''].filter((level) => {
    const counts = outcomesByUrgency[level];
    return counts !== undefined && EPISODE_STATUSES.some((status) => counts[status] > 0);
  });
  const bySop = [...durations.entries()].filter(([, list]) => list.length > 0).sort(([a], [b]) => a.localeCompare(b));
  return {
    total,
    months: [...months].sort(),
    sopIds: Object.keys(perSopMonth).sort(),
    perSopMonth,
    urgencyLevels,
    perUrgencyMonth,
    outcomesByUrgency,
    timeToClinician: {
      overall: timing('all', bySop.flatMap(([, list]) => list)),
      bySop: bySop.map(([sopId, list]) => timing(sopId, list)),
    },
    unanswered: [...roles.entries()]
      .map(([role, tally]) => ({ role, ...tally }))
      .filter((entry) => entry.noAnswer > 0)
      .sort((a, b) => b.noAnswer - a.noAnswer || a.role.localeCompare(b.role))
      .slice(0, 10),
  };
}

/** Figures for any set of episode summaries (tests, ad-hoc subsets). */
export function computeDashboard(rows: Iterable<EpisodeRow>): DashboardFigures {
  return figuresFromStats(statsFromEpisodes(rows));
}

export async function loadDashboard(range: MonthRange = {}, db: LogDb = openLogDb()): Promise<DashboardFigures> {
  // A change a tap noted for later (dueStats.ts) is counted before the totals are read.
  await settleDueStats(db);
  const rows = await db.monthlyStats.where('month').between(range.fromMonth ?? '', range.toMonth ?? '\uffff', true, true).toArray();
  return figuresFromStats(rows);
}
