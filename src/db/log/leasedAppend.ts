// The runner's append while this tab holds the episode's lease (episodeLock.ts):
// no other tab can write to the episode, and every change to a summary comes
// with new events, so the head this tab last wrote is the stored one. The
// events' keys ([episodeId+seq]) still guard it: an event already stored under
// the next sequence number fails its add and aborts the whole transaction.
// Nothing is read, so the commit is asked for as soon as the writes are issued
// instead of after their results have come back to the page: a change to the
// dashboard's totals is noted for later, not read and written here (read/dueStats.ts).
import { applyEvent } from './episodeSummary';
import { transactionDone, writeTransaction } from '../database';
import type { LogDb, WriteDurability } from '../database';
import { noteStatsDue } from '../read';
import type { EpisodeRow, EventRow } from '../database';

/** Resolves with the new summary, or null when the chain had moved on (nothing written). */
export async function appendUnderLease(
  db: LogDb, held: EpisodeRow, rows: readonly EventRow[], durability: WriteDurability = 'strict',
): Promise<EpisodeRow | null> {
  const transaction = await writeTransaction(db, ['episodes', 'events', 'statsDue'], durability);
  const done = transactionDone(transaction);
  let moved = false;
  const next = rows.reduce(applyEvent, held);
  try {
    const events = transaction.objectStore('events');
    for (const row of rows) {
      const add = events.add(row);
      add.addEventListener('error', () => {
        moved = add.error?.name === 'ConstraintError';
      });
    }
    transaction.objectStore('episodes').put(next);
    noteStatsDue(transaction.objectStore('statsDue'), held, next);
    commitNow(transaction);
    await done;
    return next;
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished: nothing was left to undo.
    }
    await done.catch(() => undefined);
    if (moved) return null;
    throw error;
  }
}

/** Asks for the commit now where the browser can (`commit()` is not everywhere yet); otherwise it commits on its own. */
function commitNow(transaction: IDBTransaction): void {
  if (typeof transaction.commit === 'function') transaction.commit();
}
