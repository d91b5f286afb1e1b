// Gathers what an export holds (episodes in a date range with their events and
// SOP documents) and the seal every export ends with: the latest chain head and
// a digest of all heads, for a governance lead to record outside the device.
import { canonicalJson, sha256Hex } from './eventHash';
import { episodesMatching, type EpisodeFilters } from './episodeQueries';
import { openLogDb, type LogDb } from './logDb';
import type { EpisodeRow, EventRow, SopRow } from './rows';

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

/** Oldest first, as a reader of an export expects. */
export async function collectExport(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<ExportSet> {
  return db.transaction('r', db.episodes, db.events, db.sops, async () => {
    const rows = (await episodesMatching(filters, db)).reverse();
    const eventLists = await Promise.all(
      rows.map((row) => db.events.where('[episodeId+seq]').between([row.id, 0], [row.id, Infinity], true, true).toArray()),
    );
    const hashes = [...new Set(rows.map((row) => row.sopHash))];
    const sops = (await db.sops.bulkGet(hashes)).filter((sop): sop is SopRow => sop !== undefined);
    return { filters, sops, episodes: rows.map((episode, index) => ({ episode, events: eventLists[index] ?? [] })) };
  });
}

export async function sealExport(episodes: readonly ExportedEpisode[]): Promise<ExportSeal> {
  const heads = episodes.map(({ episode }) => `${episode.id} ${episode.lastSeq} ${episode.headHash}`).sort();
  let latest: EpisodeRow | null = null;
  for (const { episode } of episodes) if (!latest || episode.lastEventAt > latest.lastEventAt) latest = episode;
  return {
    episodeCount: episodes.length,
    eventCount: episodes.reduce((sum, item) => sum + item.events.length, 0),
    latestHead: latest
      ? { episodeId: latest.id, seq: latest.lastSeq, hash: latest.headHash, at: new Date(latest.lastEventAt).toISOString() }
      : null,
    headsDigest: await sha256Hex(canonicalJson(heads)),
  };
}

export function isoOrNull(epochMs: number | null | undefined): string | null {
  return epochMs === null || epochMs === undefined ? null : new Date(epochMs).toISOString();
}
