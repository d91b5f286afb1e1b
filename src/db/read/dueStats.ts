// The dashboard's monthly totals, moved on after a tap rather than inside it.
// Reading the month's row inside the tap's transaction cost the tap a round
// trip between the page and the database before its commit (measured 7 Dec:
// +9 ms median, +26 ms p95 at 4x throttling). So a tap's write that changes a
// figure puts a note instead, in `statsDue`: the summary it started from,
// keyed by episode and that summary's sequence number (a plain put, which
// cannot fail on an earlier note). The oldest note of an episode is what the
// totals still count; `settleDueStats` moves the totals from it to the stored
// summary and deletes the episode's notes, in one transaction. The runner
// settles at its checkpoint and at an episode's end, the dashboard before it
// reads, so a note left by a crash is never lost. Writers that change a
// summary and the totals together (the careful append, import) count from the
// oldest note when there is one.
import type { EpisodeRow, LogDb, StatsDueRow } from '../database';
import { statsChanged, updateMonthlyStats } from './monthlyStats';

/**
 * Inside a raw read-write transaction spanning `statsDue`: notes that the
 * totals may still count `held`, if `next` changes them. Issues no read.
 */
export function noteStatsDue(store: IDBObjectStore, held: EpisodeRow, next: EpisodeRow): void {
  if (!statsChanged(held, next)) return;
  const row: StatsDueRow = { episodeId: held.id, seq: held.lastSeq, counted: held };
  store.put(row);
}

const notesOf = (db: LogDb, episodeId: string) => db.statsDue.where('[episodeId+seq]').between([episodeId, -Infinity], [episodeId, Infinity], true, true);

/**
 * Inside a Dexie read-write transaction spanning `statsDue` and `monthlyStats`:
 * moves the totals from what they count for this episode (its oldest note,
 * else `stored`) to `after`, and clears the notes.
 */
export async function moveCountedStats(db: LogDb, stored: EpisodeRow | null, after: EpisodeRow): Promise<void> {
  const notes = await notesOf(db, after.id).toArray();
  if (notes.length > 0) await notesOf(db, after.id).delete();
  await updateMonthlyStats(db.monthlyStats, notes[0]?.counted ?? stored, after);
}

/** Applies every note still due (usually none, or one episode's). Safe to run at any time, any number of times. */
export async function settleDueStats(db: LogDb): Promise<void> {
  // A database opened as an older app shipped it (migration tests) has no notes.
  if (!db.tables.some((table) => table.name === 'statsDue')) return;
  await db.transaction('rw', [db.statsDue, db.episodes, db.monthlyStats], async () => {
    const notes = await db.statsDue.toArray();
    if (notes.length === 0) return;
    // Keys sort by episode, then sequence number: the first note of each episode is its oldest.
    const oldest = new Map<string, EpisodeRow>();
    for (const note of notes) if (!oldest.has(note.episodeId)) oldest.set(note.episodeId, note.counted);
    await db.statsDue.clear();
    for (const [episodeId, counted] of oldest) {
      const stored = await db.episodes.get(episodeId);
      if (stored) await updateMonthlyStats(db.monthlyStats, counted, stored);
    }
  });
}
