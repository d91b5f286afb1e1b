// Gathers what an export holds (episodes in a date range with their events and
// SOP documents) and the seal every export ends with: the latest chain head and
// a digest of all heads, for a governance lead to record outside the device.
import { canonicalJson, sha256Hex, verifyChain } from '../log';
import type { EpisodeFilters } from '../read';
import { episodesOldestFirst } from '../read';
import { blockTables, openLogDb, packTables, type LogDb } from '../database';
import { blockDisagreement, blocksHolding } from '../packs';
import { chainsFor, eventRowsFor, packsFor } from '../read';
import { packDisagreement, packDiffersReason } from '../packs';
import { linkedSopHashes } from '../log';
import type { EpisodeRow, EventRow, SopRow } from '../database';

export { linkedSopHashes } from '../log';

export interface ExportedEpisode {
  episode: EpisodeRow;
  events: EventRow[];
}

export interface ExportSet {
  filters: EpisodeFilters;
  episodes: ExportedEpisode[];
  sops: SopRow[];
}

export interface ExportSeal {
  episodeCount: number;
  eventCount: number;
  /** The chain head of the episode written to most recently. */
  latestHead: { episodeId: string; seq: number; hash: string; at: string } | null;
  /** SHA-256 over every episode's "id seq head" line, sorted: one value that pins the whole export. */
  headsDigest: string;
}

/** Oldest first, as a reader of an export expects. `withEvents: false` for exports of summaries only. */
export async function collectExport(filters: EpisodeFilters = {}, db: LogDb = openLogDb(), withEvents = true): Promise<ExportSet> {
  return db.transaction('r', [db.episodes, db.events, db.sops, ...packTables(db)], async () => {
    const rows = await episodesOldestFirst(filters, db);
    const events = withEvents ? await chainsFor(db, rows) : new Map<string, EventRow[]>();
    const linked = [...events.values()].flatMap((list) => linkedSopHashes(list[0]));
    const hashes = [...new Set([...rows.map((row) => row.sopHash), ...linked])];
    const sops = (await db.sops.bulkGet(hashes)).filter((sop): sop is SopRow => sop !== undefined);
    return { filters, sops, episodes: rows.map((episode) => ({ episode, events: events.get(episode.id) ?? [] })) };
  });
}

export interface BulkVerifyReport {
  checked: number;
  broken: Array<{ episodeId: string; brokenAt: number; reason: string }>;
}

/**
 * Verifies every episode matching the filters (a governance spot check): the
 * chain from the event rows, which are the record, and that an episode's pack
 * and the block holding it (the copies exports read) say exactly what its rows say.
 */
export async function verifyEpisodes(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<BulkVerifyReport> {
  const { rows, events, packs, blocks } = await db.transaction('r', [db.episodes, db.events, ...packTables(db), ...blockTables(db)], async () => {
    const matching = await episodesOldestFirst(filters, db);
    const held = await blocksHolding(db, matching.map((row) => row.id));
    return { rows: matching, events: await eventRowsFor(db, matching), packs: await packsFor(db, matching), blocks: held };
  });
  const checks = await Promise.all(
    rows.map(async (episode) => {
      const chain = events.get(episode.id) ?? [];
      const check = await verifyChain(episode.id, chain);
      if (!check.ok) return { episodeId: episode.id, brokenAt: check.brokenAt, reason: check.reason };
      if (check.seq !== episode.lastSeq || check.head !== episode.headHash) {
        return { episodeId: episode.id, brokenAt: check.seq + 1, reason: `The log ends at event ${check.seq} but the episode records ${episode.lastSeq} events.` };
      }
      const pack = packs.get(episode.id);
      const differsAt = pack ? packDisagreement(pack, chain) : null;
      if (differsAt !== null) return { episodeId: episode.id, brokenAt: differsAt, reason: packDiffersReason(differsAt) };
      const held = blocks.get(episode.id);
      const blockDiffers = held ? blockDisagreement(held, episode, chain) : null;
      return blockDiffers === null ? null : { episodeId: episode.id, ...blockDiffers };
    }),
  );
  return { checked: rows.length, broken: checks.filter((item) => item !== null) };
}

export async function sealExport(episodes: readonly ExportedEpisode[]): Promise<ExportSeal> {
  return sealOf(episodes.map((item) => item.episode));
}

/** The seal of the given summaries, in export order (the first of equal latest times is the latest head). */
export async function sealOf(episodes: readonly EpisodeRow[]): Promise<ExportSeal> {
  const heads = episodes.map((episode) => `${episode.id} ${episode.lastSeq} ${episode.headHash}`).sort();
  let latest: EpisodeRow | null = null;
  for (const episode of episodes) if (!latest || episode.lastEventAt > latest.lastEventAt) latest = episode;
  return {
    episodeCount: episodes.length,
    eventCount: episodes.reduce((sum, episode) => sum + episode.lastSeq, 0),
    latestHead: latest
      ? { episodeId: latest.id, seq: latest.lastSeq, hash: latest.headHash, at: new Date(latest.lastEventAt).toISOString() }
      : null,
    headsDigest: await sha256Hex(canonicalJson(heads)),
  };
}

export function isoOrNull(epochMs: number | null | undefined): string | null {
  return epochMs === null || epochMs === undefined ? null : new Date(epochMs).toISOString();
}
