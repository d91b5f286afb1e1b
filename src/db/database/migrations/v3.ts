// Schema version 3 keeps running dashboard totals per month and SOP, so the
// dashboard never reads every episode. The upgrade builds them from the stored
// episodes with a frozen copy of the totals as version 3 shipped them
// (read/monthlyStats may change; this upgrade must keep writing what it wrote).
// Shipped: never edit this file.
import type { Transaction } from 'dexie';
import type { SchemaVersion } from './schemaVersion';

/** The summary fields the totals read, as version 2 stored them. */
interface V2Episode {
  sopId: string;
  status: string;
  startedAt: number;
  urgency: string;
  firstClinicianReachedAt: number | null;
  contacts: Array<{ role: string; result: string }>;
}

interface V3StatsRow {
  key: string;
  month: string;
  sopId: string;
  episodes: number;
  outcomes: Record<string, Record<string, number>>;
  clinicianMs: number[];
  contacts: Record<string, { attempts: number; noAnswer: number }>;
}

const STATUSES = ['open', 'completed', 'abandoned'];

const monthKey = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 7);

function add(stats: V3StatsRow, episode: V2Episode): void {
  stats.episodes += 1;
  const statuses = (stats.outcomes[episode.urgency] ??= Object.fromEntries(STATUSES.map((status) => [status, 0])));
  // As shipped: a status outside the list counts as NaN, exactly as the live totals did then.
  statuses[episode.status] = statuses[episode.status]! + 1;
  if (episode.firstClinicianReachedAt !== null) stats.clinicianMs.push(episode.firstClinicianReachedAt - episode.startedAt);
  for (const contact of episode.contacts) {
    const tally = (stats.contacts[contact.role] ??= { attempts: 0, noAnswer: 0 });
    tally.attempts += 1;
    if (contact.result === 'noAnswer') tally.noAnswer += 1;
  }
}

function statsOf(episodes: Iterable<V2Episode>): V3StatsRow[] {
  const byKey = new Map<string, V3StatsRow>();
  for (const episode of episodes) {
    const month = monthKey(episode.startedAt);
    const key = `${month}|${episode.sopId}`;
    const stats = byKey.get(key) ?? { key, month, sopId: episode.sopId, episodes: 0, outcomes: {}, clinicianMs: [], contacts: {} };
    add(stats, episode);
    byKey.set(key, stats);
  }
  return [...byKey.values()];
}

async function buildMonthlyStats(tx: Transaction): Promise<void> {
  const episodes = await tx.table<V2Episode>('episodes').toArray();
  await tx.table<V3StatsRow>('monthlyStats').bulkPut(statsOf(episodes));
}

export const v3: SchemaVersion = {
  version: 3,
  stores: {
    episodes:
      'id, startedAt, [sopId+startedAt], [site+startedAt], [modality+startedAt], [status+startedAt], [urgency+startedAt], [outcomeStepId+startedAt]',
    events: '[episodeId+seq]',
    sops: 'hash, id',
    snapshots: 'episodeId',
    directory: 'roleId',
    settings: 'key',
    monthlyStats: 'key, month',
  },
  upgrade: buildMonthlyStats,
};
