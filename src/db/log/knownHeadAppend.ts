// The runner's append: one plain-IndexedDB transaction on the head this
// tab last saw. Every request is issued at once (head read, event adds, summary
// put) and the head is checked when its read returns; a mismatch aborts the
// whole transaction, so nothing is half-written and the careful path takes over.
// Under this tab's lease on the episode there is no head to check (leasedAppend.ts).
import { StorageError } from '../database';
import { applyEvent } from './episodeSummary';
import type { LogDb, WriteDurability } from '../database';
import { noteStatsDue } from '../read';
import { requestResult, transactionDone, writeTransaction } from '../database';
import type { EpisodeRow, EventRow } from '../database';
import { appendUnderLease } from './leasedAppend';

/** The chain head a caller last saw: enough to hash a batch without reading the database first. */
export interface KnownHead {
  seq: number;
  hash: string;
  /**
   * The summary row as this tab last wrote or read it at that head. With it the
   * new summary is written in the same breath as the events, instead of after
   * a round trip to read the head; it is still checked against the stored row.
   */
  row?: EpisodeRow;
}

/** Whether the stored summary is exactly the one the caller holds (so the summary written from it is right). */
export function sameSummary(stored: EpisodeRow, held: EpisodeRow): boolean {
  const keys = Object.keys(held) as (keyof EpisodeRow)[];
  if (Object.keys(stored).length !== keys.length) return false;
  return keys.every((key) => {
    if (key !== 'contacts') return stored[key] === held[key];
    const a = stored.contacts;
    const b = held.contacts;
    return Array.isArray(a) && a.length === b.length && a.every((c, i) => c.role === b[i]!.role && c.roleType === b[i]!.roleType && c.result === b[i]!.result);
  });
}

const matchesHead = (stored: EpisodeRow | undefined, known: KnownHead) =>
  stored !== undefined && stored.lastSeq === known.seq && stored.headHash === known.hash && (!known.row || sameSummary(stored, known.row));

/**
 * Writes already-chained rows on the known head. Resolves with the new summary,
 * or null when the stored head is not the known one (nothing written).
 */
export async function appendOnKnownHead(
  db: LogDb, episodeId: string, known: KnownHead, rows: readonly EventRow[], options: { leased?: boolean; durability?: WriteDurability } = {},
): Promise<EpisodeRow | null> {
  // An ended episode is a closed record: the careful path recognises a retry of its end, or refuses.
  if (known.row && known.row.status !== 'open') return null;
  const durability = options.durability ?? 'strict';
  if (options.leased && known.row) return appendUnderLease(db, known.row, rows, durability);
  const transaction = await writeTransaction(db, ['episodes', 'events', 'statsDue'], durability);
  const done = transactionDone(transaction);
  let refused: 'stale' | 'missing' | null = null;
  const abort = () => {
    try {
      transaction.abort();
    } catch {
      // Already finished: nothing was left to undo.
    }
  };
  const refuse = (stored: EpisodeRow | undefined): boolean => {
    refused = !stored ? 'missing' : matchesHead(stored, known) && stored.status === 'open' ? null : 'stale';
    if (refused) abort();
    return refused === null;
  };
  try {
    const episodes = transaction.objectStore('episodes');
    const events = transaction.objectStore('events');
    const due = transaction.objectStore('statsDue');
    const headRead = quiet(requestResult(episodes.get(episodeId) as IDBRequest<EpisodeRow | undefined>));
    let episode: EpisodeRow | null = null;
    if (known.row) {
      // Issued before the head read returns: requests run in order, so the
      // check still sees the head as it was before ours, and aborting there
      // undoes these writes.
      const held = known.row;
      const next = rows.reduce(applyEvent, held);
      for (const row of rows) events.add(row);
      episodes.put(next);
      noteStatsDue(due, held, next);
      if (refuse(await headRead)) episode = next;
    } else {
      const stored = await headRead;
      if (refuse(stored)) {
        episode = rows.reduce(applyEvent, stored!);
        for (const row of rows) events.add(row);
        episodes.put(episode);
        noteStatsDue(due, stored!, episode);
      }
    }
    await done;
    return episode;
  } catch (error) {
    abort();
    await done.catch(() => undefined);
    if (refused === 'missing') throw new StorageError('not-found');
    // A head that moved on is not a failure: the caller reads it and decides.
    if (refused === 'stale') return null;
    throw error;
  }
}

/** A request promise whose rejection after an abort is not reported as unhandled; awaiting it still throws. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
