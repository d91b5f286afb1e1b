// Every schema version the app has shipped, oldest first, with its upgrade.
// To add a table or index (e.g. sign-offs for the SOP author): append a new
// entry with the full `stores` map, an `upgrade` if existing rows need new
// fields, and a migration test in tests/db. Never edit a shipped entry.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { EpisodeRow, EventRow } from './rows';
import { summariseContacts } from './episodeSummary';
import { statsFromEpisodes } from './monthlyStats';

interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

const V1_STORES = {
  episodes: 'id, startedAt, [sopId+startedAt], [site+startedAt], [modality+startedAt], [status+startedAt]',
  events: '[episodeId+seq]',
  sops: 'hash, id',
  snapshots: 'episodeId',
  directory: 'roleId',
  settings: 'key',
};

/** Version 2 files outcome, urgency and contact results on the episode so the list and dashboard never scan events. */
const V2_STORES = {
  ...V1_STORES,
  episodes: `${V1_STORES.episodes}, [urgency+startedAt], [outcomeStepId+startedAt]`,
};

/** Version 1 episodes carried only their identity and status: fold the outcome fields from their events. */
async function backfillOutcomeFields(tx: Transaction): Promise<void> {
  const byEpisode = new Map<string, EventRow[]>();
  await tx.table<EventRow>('events').each((event) => {
    const list = byEpisode.get(event.episodeId);
    if (list) list.push(event);
    else byEpisode.set(event.episodeId, [event]);
  });
  await tx
    .table<EpisodeRow>('episodes')
    .toCollection()
    .modify((episode) => {
      const derived = summariseContacts(byEpisode.get(episode.id) ?? []);
      episode.urgency = derived.urgency;
      episode.outcomeStepId = derived.outcomeStepId;
      episode.firstClinicianReachedAt = derived.firstClinicianReachedAt;
      episode.contacts = derived.contacts;
    });
}

/** Version 3 keeps running dashboard totals per month and SOP, so the dashboard never reads every episode. */
const V3_STORES = { ...V2_STORES, monthlyStats: 'key, month' };

async function buildMonthlyStats(tx: Transaction): Promise<void> {
  const episodes = await tx.table<EpisodeRow>('episodes').toArray();
  await tx.table('monthlyStats').bulkPut(statsFromEpisodes(episodes));
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES, upgrade: backfillOutcomeFields },
  { version: 3, stores: V3_STORES, upgrade: buildMonthlyStats },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function declareVersions(db: Dexie, upToVersion: number): void {
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > upToVersion) break;
    const declared = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) declared.upgrade(entry.upgrade);
  }
}
