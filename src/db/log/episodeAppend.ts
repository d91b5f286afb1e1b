// Appending to an episode's chain. Hashes are computed before the transaction
// opens (awaiting WebCrypto inside one lets IndexedDB commit early); the
// transaction re-checks the head so a stale tab can never fork a chain, and
// writes the events and summary together or not at all.
import { toStorageError, ChainConflictError, StorageError } from '../database';
import { chainEvents } from './eventHash';
import { holdsEpisodeLock, withEpisodeLock } from './episodeLock';
import { applyEvent } from './episodeSummary';
import { openLogDb, type LogDb } from '../database';
import { moveCountedStats } from '../read';
import { appendOnKnownHead, type KnownHead } from './knownHeadAppend';
import { prepareEvents, type NewEvent, type PreparedEvent } from './newEvents';
import type { EpisodeRow, EventRow, WriteDurability } from '../database';

export type { KnownHead } from './knownHeadAppend';

export const IMPORTED_READ_ONLY = 'This episode was recorded on another tablet. Its record is read-only here: nothing can be added to it.';
export const ENDED_READ_ONLY = 'This episode has ended. Its record is closed: nothing can be added to it. Start a new episode for anything that happened since.';

export interface AppendResult {
  episode: EpisodeRow;
  events: EventRow[];
  /** True when a retry found these exact events already stored. */
  alreadyStored: boolean;
}

async function storedTail(db: LogDb, episode: EpisodeRow, count: number): Promise<EventRow[]> {
  const from = Math.max(1, episode.lastSeq - count + 1);
  return db.events.where('[episodeId+seq]').between([episode.id, from], [episode.id, episode.lastSeq], true, true).toArray();
}

/** How many of the batch's first events are already the chain's last ones (a retry after an ambiguous failure). */
async function alreadyStoredCount(db: LogDb, head: EpisodeRow, batch: readonly PreparedEvent[]): Promise<number> {
  const tail = await storedTail(db, head, batch.length);
  for (let count = Math.min(batch.length, tail.length); count > 0; count -= 1) {
    const stored = tail.slice(tail.length - count);
    if (stored.every((row, index) => row.id === batch[index]!.id)) return count;
  }
  return 0;
}

export interface AppendOptions {
  /** The head the caller last saw; a write from a stale view is refused (ChainConflictError). */
  afterSeq?: number;
  /**
   * The head the caller last saw, with its hash. On the runner's path this
   * turns an append into one write transaction (no read first); when the
   * stored head differs (a retry, another tab) the careful path below runs.
   */
  knownHead?: KnownHead;
  /**
   * `relaxed` lets the known-head write report its commit once the operating
   * system has it, without waiting for the disk (a few ms, and most of a slow
   * tap's tail). The caller then owes a strict commit soon after: any strict
   * commit flushes every change before it (the runner saves its snapshot at
   * the worker's first pause, EpisodeController). The careful path, taken
   * only after a conflict or a retry, always writes strictly.
   */
  durability?: WriteDurability;
}

/** Reads the head, recognises a batch already stored by an earlier attempt, then chains and writes the rest. */
async function appendCarefully(
  db: LogDb, episodeId: string, events: readonly NewEvent[], prepared: readonly PreparedEvent[], afterSeqSeen: number | undefined, known: KnownHead | undefined,
): Promise<AppendResult> {
  const head = await db.episodes.get(episodeId);
  if (!head) throw new StorageError('not-found');
  if (head.origin === 'imported') throw new StorageError('invalid', { userMessage: IMPORTED_READ_ONLY });
  const stored = events.every((event) => event.id !== undefined) ? await alreadyStoredCount(db, head, prepared) : 0;
  if (stored === prepared.length) {
    return { episode: head, events: await storedTail(db, head, stored), alreadyStored: true };
  }
  // An ended episode is a closed record: only a retry of what ended it (found above) is accepted.
  if (head.status !== 'open') throw new StorageError('invalid', { userMessage: ENDED_READ_ONLY });
  const afterSeq = afterSeqSeen === undefined ? undefined : afterSeqSeen + stored;
  if (afterSeq !== undefined && afterSeq !== head.lastSeq) throw new ChainConflictError(afterSeq, head.lastSeq);
  // Same length, different last link: the caller's view of this chain is not the stored one.
  if (known && stored === 0 && known.hash !== head.headHash) throw new ChainConflictError(known.seq, head.lastSeq);
  const fresh = prepared.slice(stored).map((event) => ({ ...event, episodeId }));
  const rows = await chainEvents({ seq: head.lastSeq, hash: head.headHash }, fresh);
  const episode = rows.reduce(applyEvent, head);
  await db.transaction('rw', [db.episodes, db.events, db.monthlyStats, db.statsDue], async () => {
    const current = await db.episodes.get(episodeId);
    if (!current || current.lastSeq !== head.lastSeq || current.headHash !== head.headHash || current.status !== 'open') {
      throw new ChainConflictError(head.lastSeq, current?.lastSeq ?? -1);
    }
    await db.events.bulkAdd(rows);
    await db.episodes.put(episode);
    await moveCountedStats(db, head, episode);
  });
  return { episode, events: rows, alreadyStored: false };
}

/**
 * Appends events to an episode's chain in one transaction (strict unless `durability` says otherwise). Safe to retry
 * with the same prepared events (same ids): a batch already stored is reported,
 * not written twice. `afterSeq`, when given, is the head the caller last saw.
 */
export async function appendEvents(
  episodeId: string,
  events: readonly NewEvent[],
  options: AppendOptions = {},
  db: LogDb = openLogDb(),
): Promise<AppendResult> {
  const prepared = prepareEvents(events);
  if (prepared.length === 0) throw new StorageError('invalid', { userMessage: 'There was nothing to save.' });
  const { knownHead } = options;
  const afterSeq = options.afterSeq ?? knownHead?.seq;
  // On a known head the hashes do not depend on the database, so they are
  // worked out while the lock is being granted rather than after.
  const chained = knownHead ? chainEvents(knownHead, prepared.map((event) => ({ ...event, episodeId }))) : null;
  chained?.catch(() => undefined);
  try {
    return await withEpisodeLock(episodeId, async () => {
      if (knownHead && chained) {
        const rows = await chained;
        const episode = await appendOnKnownHead(db, episodeId, knownHead, rows, { leased: holdsEpisodeLock(episodeId), durability: options.durability });
        if (episode) return { episode, events: rows, alreadyStored: false };
      }
      return appendCarefully(db, episodeId, events, prepared, afterSeq, knownHead);
    });
  } catch (error) {
    throw toStorageError(error);
  }
}
