// Gathers what an export holds (episodes in a date range with their events and
// SOP documents) and the seal every export ends with: the latest chain head and
// a digest of all heads, for a governance lead to record outside the device.
import { canonicalJson, sha256Hex, verifyChain } from './eventHash';
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

/**
 * Events of the given episodes. Time-ordered (UUID v7) ids put a date range's
 * episodes in one key range of the events table: one read instead of one per
 * episode. When the range would sweep in far more episodes than wanted (old
 * random ids), it reads episode by episode instead.
 */
async function eventsFor(db: LogDb, rows: readonly EpisodeRow[]): Promise<Map<string, EventRow[]>> {
  const byEpisode = new Map<string, EventRow[]>(rows.map((row) => [row.id, []]));
  if (rows.length === 0) return byEpisode;
  let low = rows[0]!.id;
  let high = low;
  for (const row of rows) {
    if (row.id < low) low = row.id;
    if (row.id > high) high = row.id;
  }
  const inRange = await db.episodes.where(':id').between(low, high, true, true).count();
  if (inRange <= rows.length * 2 + 100) {
    const events = await db.events.where('[episodeId+seq]').between([low, -Infinity], [high, Infinity], true, true).toArray();
    for (const event of events) byEpisode.get(event.episodeId)?.push(event);
    return byEpisode;
  }
  const lists = await Promise.all(rows.map((row) => db.events.where('[episodeId+seq]').between([row.id, 0], [row.id, Infinity], true, true).toArray()));
  rows.forEach((row, index) => byEpisode.set(row.id, lists[index] ?? []));
  return byEpisode;
}

/** Oldest first, as a reader of an export expects. `withEvents: false` for exports of summaries only. */
export async function collectExport(filters: EpisodeFilters = {}, db: LogDb = openLogDb(), withEvents = true): Promise<ExportSet> {
  return db.transaction('r', db.episodes, db.events, db.sops, async () => {
    const rows = (await episodesMatching(filters, db)).reverse();
    const events = withEvents ? await eventsFor(db, rows) : new Map<string, EventRow[]>();
    const linked = [...events.values()].flatMap((list) => linkedSopHashes(list[0]));
    const hashes = [...new Set([...rows.map((row) => row.sopHash), ...linked])];
    const sops = (await db.sops.bulkGet(hashes)).filter((sop): sop is SopRow => sop !== undefined);
    return { filters, sops, episodes: rows.map((episode) => ({ episode, events: events.get(episode.id) ?? [] })) };
  });
}

/** The other SOPs (the collapse pathway) an episode's started event names. */
export function linkedSopHashes(started: EventRow | undefined): string[] {
  const hashes = started?.type === 'episode-started' ? started.data.linkedSopHashes : undefined;
  return Array.isArray(hashes) ? hashes.filter((hash): hash is string => typeof hash === 'string') : [];
}

export interface BulkVerifyReport {
  checked: number;
  broken: Array<{ episodeId: string; brokenAt: number; reason: string }>;
}

/** Verifies every episode matching the filters (a governance spot check). */
export async function verifyEpisodes(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<BulkVerifyReport> {
  const set = await collectExport(filters, db);
  const checks = await Promise.all(
    set.episodes.map(async ({ episode, events }) => {
      const check = await verifyChain(episode.id, events);
      if (!check.ok) return { episodeId: episode.id, brokenAt: check.brokenAt, reason: check.reason };
      if (check.seq !== episode.lastSeq || check.head !== episode.headHash) {
        return { episodeId: episode.id, brokenAt: check.seq + 1, reason: `The log ends at event ${check.seq} but the episode records ${episode.lastSeq} events.` };
      }
      return null;
    }),
  );
  return { checked: set.episodes.length, broken: checks.filter((item) => item !== null) };
}

export async function sealExport(episodes: readonly ExportedEpisode[]): Promise<ExportSeal> {
  const heads = episodes.map(({ episode }) => `${episode.id} ${episode.lastSeq} ${episode.headHash}`).sort();
  let latest: EpisodeRow | null = null;
  for (const { episode } of episodes) if (!latest || episode.lastEventAt > latest.lastEventAt) latest = episode;
  return {
    episodeCount: episodes.length,
    eventCount: episodes.reduce((sum, item) => sum + item.episode.lastSeq, 0),
    latestHead: latest
      ? { episodeId: latest.id, seq: latest.lastSeq, hash: latest.headHash, at: new Date(latest.lastEventAt).toISOString() }
      : null,
    headsDigest: await sha256Hex(canonicalJson(heads)),
  };
}

export function isoOrNull(epochMs: number | null | undefined): string | null {
  return epochMs === null || epochMs === undefined ? null : new Date(epochMs).toISOString();
}
