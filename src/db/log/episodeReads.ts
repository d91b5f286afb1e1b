// Reading one episode back: its summary, its events in order and the exact SOP
// document it ran (stored by content hash), plus chain verification and the
// snapshot cache the runner uses to resume quickly.
import { toStorageError, StorageError } from '../database';
import { verifyChain, type ChainCheck } from './eventHash';
import { blockTables, openLogDb, packTables, type LogDb } from '../database';
import { blockDisagreement, blocksHolding } from '../packs';
import { linkedSopHashes } from './linkedSops';
import { packDisagreement, packDiffersReason, packFits } from '../packs';
import type { EpisodeRow, EventRow, SnapshotRow, SopRow } from '../database';

export interface LoadedEpisode {
  episode: EpisodeRow;
  events: EventRow[];
  sop: SopRow | null;
  /** SOPs the run could enter (the collapse pathway), as they were. */
  linkedSops: SopRow[];
}

export function eventsOf(episodeId: string, db: LogDb): Promise<EventRow[]> {
  return db.events.where('[episodeId+seq]').between([episodeId, 0], [episodeId, Infinity], true, true).toArray();
}

export async function loadEpisode(episodeId: string, db: LogDb = openLogDb()): Promise<LoadedEpisode> {
  try {
    return await db.transaction('r', db.episodes, db.events, db.sops, async () => {
      const episode = await db.episodes.get(episodeId);
      if (!episode) throw new StorageError('not-found');
      const [events, sop] = await Promise.all([eventsOf(episodeId, db), db.sops.get(episode.sopHash)]);
      const linkedSops = (await db.sops.bulkGet(linkedSopHashes(events[0]))).filter((row): row is SopRow => row !== undefined);
      return { episode, events, sop: sop ?? null, linkedSops };
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * This tablet's episodes still running (e.g. after a crash or a closed tab),
 * newest first. An open episode imported from another tablet is that tablet's
 * record: read-only here, it never resumes on Escalate nor holds up an update.
 */
export async function openEpisodes(db: LogDb = openLogDb()): Promise<EpisodeRow[]> {
  const rows = await db.episodes.where('[status+startedAt]').between(['open', -Infinity], ['open', Infinity]).toArray();
  return rows.filter((row) => row.origin !== 'imported').reverse();
}

/** The open episode the runner returns to after a reload (the newest), or null. */
export async function latestOpenEpisodeId(db: LogDb = openLogDb()): Promise<string | null> {
  return (await openEpisodes(db))[0]?.id ?? null;
}

/**
 * Verifies the stored chain, that the summary's head matches its last event
 * (catches a cut-off tail), and that the episode's pack and the block holding
 * it, the copies exports read, say exactly what its rows say.
 */
export async function verifyEpisode(episodeId: string, db: LogDb = openLogDb()): Promise<ChainCheck> {
  const [{ episode, events }, pack] = await Promise.all([loadEpisode(episodeId, db), packTables(db)[0]?.get(episodeId)]);
  const check = await verifyChain(episodeId, events);
  if (!check.ok) return check;
  if (check.seq !== episode.lastSeq || check.head !== episode.headHash) {
    return { ok: false, brokenAt: Math.min(check.seq, episode.lastSeq) + 1, reason: `The log ends at event ${check.seq} but the episode records ${episode.lastSeq} events.` };
  }
  const differsAt = packFits(pack, episode) ? packDisagreement(pack, events) : null;
  if (differsAt !== null) return { ok: false, brokenAt: differsAt, reason: packDiffersReason(differsAt) };
  const held = (await db.transaction('r', [db.episodes, db.events, ...blockTables(db)], () => blocksHolding(db, [episodeId]))).get(episodeId);
  const blockDiffers = held ? blockDisagreement(held, episode, events) : null;
  return blockDiffers === null ? check : { ok: false, ...blockDiffers };
}

/**
 * Saves an episode's snapshot in a strict commit (every Dexie write is, logDb.ts).
 * The runner relies on that: a strict commit also flushes the relaxed appends
 * before it, so this is its checkpoint (checkpointSchedule.ts).
 */
export async function saveSnapshot(row: Omit<SnapshotRow, 'savedAt'>, db: LogDb = openLogDb()): Promise<void> {
  try {
    await db.snapshots.put({ ...row, savedAt: Date.now() });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** A snapshot is only a cache: undefined means rebuild by replaying the events. */
export async function loadSnapshot(
  episodeId: string,
  expect: { sopHash: string; appVersion: string },
  db: LogDb = openLogDb(),
): Promise<SnapshotRow | undefined> {
  const [row, episode] = await Promise.all([db.snapshots.get(episodeId), db.episodes.get(episodeId)]);
  if (!row || !episode) return undefined;
  const current = row.sopHash === expect.sopHash && row.appVersion === expect.appVersion && row.seq === episode.lastSeq;
  return current ? row : undefined;
}
