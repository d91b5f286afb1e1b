// Every schema version the app has shipped, oldest first, with its upgrade.
// To add a table or index (e.g. sign-offs for the SOP author): append a new
// entry with the full `stores` map, an `upgrade` if existing rows need new
// fields, and a migration test in tests/db. Never edit a shipped entry.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { EpisodeRow, EventRow, PackRow } from './rows';
import { isEnded, packFits, packOf } from '../packs';
import { summariseContacts } from '../log';
import { statsFromEpisodes } from '../read';
import { sealAllStretches } from '../packs';
import type { BlockKey } from '../packs';
import type { PackBlockRow } from './rows';

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

/** Version 4 keeps a pack (the whole chain in one row) per ended episode, so exports read 10 times fewer rows. */
const V4_STORES = { ...V3_STORES, packs: 'episodeId' };

const PACK_CHUNK = 5_000;

/** Walks the events in key order (grouped by episode) in chunks, packing each ended episode's chain. */
async function buildPacks(tx: Transaction): Promise<void> {
  const ended = new Map<string, EpisodeRow>();
  for (const episode of await tx.table<EpisodeRow>('episodes').toArray()) if (isEnded(episode)) ended.set(episode.id, episode);
  const events = tx.table<EventRow, [string, number]>('events');
  const packs: PackRow[] = [];
  const finish = (chain: EventRow[]) => {
    const episode = chain[0] ? ended.get(chain[0].episodeId) : undefined;
    const pack = episode ? packOf(episode.id, chain) : null;
    if (episode && pack && packFits(pack, episode)) packs.push(pack);
  };
  let chain: EventRow[] = [];
  let after: [string, number] | null = null;
  for (;;) {
    const chunk: EventRow[] = after ? await events.where(':id').above(after).limit(PACK_CHUNK).toArray() : await events.limit(PACK_CHUNK).toArray();
    for (const event of chunk) {
      if (chain[0] && chain[0].episodeId !== event.episodeId) {
        finish(chain);
        chain = [];
      }
      chain.push(event);
    }
    const last = chunk[chunk.length - 1];
    if (packs.length > 0) await tx.table<PackRow>('packs').bulkPut(packs.splice(0));
    if (!last || chunk.length < PACK_CHUNK) break;
    after = [last.episodeId, last.seq];
  }
  finish(chain);
  if (packs.length > 0) await tx.table<PackRow>('packs').bulkPut(packs);
}

/**
 * Version 5 keeps pack blocks (a few hundred ended episodes' summaries and
 * packs in one row), so an export of 10,000 episodes reads about 40 rows
 * rather than 20,000. Keyed by [from, to]: the id range each block covers.
 */
const V5_STORES = { ...V4_STORES, packBlocks: '[from+to]' };

/** Seals every run of ended, packed episodes into blocks, from the packs the version 4 upgrade (or the app) wrote. */
async function buildBlocks(tx: Transaction): Promise<void> {
  await sealAllStretches({
    episodes: tx.table<EpisodeRow, string>('episodes'),
    packs: tx.table<PackRow, string>('packs'),
    packBlocks: tx.table<PackBlockRow, BlockKey>('packBlocks'),
  });
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: V1_STORES },
  { version: 2, stores: V2_STORES, upgrade: backfillOutcomeFields },
  { version: 3, stores: V3_STORES, upgrade: buildMonthlyStats },
  { version: 4, stores: V4_STORES, upgrade: buildPacks },
  { version: 5, stores: V5_STORES, upgrade: buildBlocks },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function declareVersions(db: Dexie, upToVersion: number): void {
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > upToVersion) break;
    const declared = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) declared.upgrade(entry.upgrade);
  }
}
