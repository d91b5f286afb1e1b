// Fills the outbox (a local PouchDB database, the push replication's source)
// from the log: after an episode ends or when the tablet is idle, never on a
// tap. Document ids are fixed by content, so filling twice adds nothing: a
// document already in the outbox is a conflict and is skipped. A small ledger
// (episode id → last event queued) saves reading episodes already queued.
import { getSetting, putSetting } from '../config';
import { openLogDb, toStorageError, type EpisodeRow, type EventRow, type LogDb } from '../database';
import { episodeDoc, eventDoc, type DeviceContext } from './logDocs';
import type { PouchDb } from './pouchFactory';

export const OUTBOX_LEDGER_KEY = 'network.outboxQueued';
const BATCH = 500;

type Ledger = Record<string, number>;

async function readLedger(db: LogDb): Promise<Ledger> {
  const value = await getSetting(OUTBOX_LEDGER_KEY, db);
  if (!value || typeof value !== 'object') return {};
  const ledger: Ledger = {};
  for (const [key, seq] of Object.entries(value as Record<string, unknown>)) if (typeof seq === 'number') ledger[key] = seq;
  return ledger;
}

/** Writes documents; a conflict means the same document is already queued (ids are fixed by content). */
async function putAll(outbox: PouchDb, docs: Array<Record<string, unknown> & { _id: string }>): Promise<void> {
  for (let start = 0; start < docs.length; start += BATCH) {
    const results = await outbox.bulkDocs(docs.slice(start, start + BATCH));
    const failed = results.find((result) => 'error' in result && result.error && (result as PouchDB.Core.Error).status !== 409);
    if (failed) throw Object.assign(new Error((failed as PouchDB.Core.Error).message ?? 'outbox write failed'), { name: (failed as PouchDB.Core.Error).name });
  }
}

export interface FillReport {
  /** Events put in the outbox by this fill. */
  queued: number;
}

/** Queues every local episode's events not yet queued. Storage failures come back as StorageError (e.g. quota). */
export async function fillOutbox(outbox: PouchDb, context: DeviceContext, db: LogDb = openLogDb()): Promise<FillReport> {
  try {
    const ledger = await readLedger(db);
    const behind: EpisodeRow[] = [];
    // Episodes imported from other tablets are theirs to send, never this tablet's.
    await db.episodes.each((row) => {
      if (row.origin === 'local' && row.lastSeq > (ledger[row.id] ?? 0)) behind.push(row);
    });
    let queued = 0;
    for (const row of behind) {
      const from = ledger[row.id] ?? 0;
      const events: EventRow[] = await db.events.where('[episodeId+seq]').between([row.id, from + 1], [row.id, Infinity], true, true).toArray();
      const docs = events.map((event) => eventDoc(event, context) as unknown as Record<string, unknown> & { _id: string });
      if (from === 0) docs.unshift(episodeDoc(row, context) as unknown as Record<string, unknown> & { _id: string });
      await putAll(outbox, docs);
      queued += events.length;
      ledger[row.id] = events.at(-1)?.seq ?? from;
      await putSetting(OUTBOX_LEDGER_KEY, ledger, db);
    }
    return { queued };
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Events in the log not yet queued in the outbox (local episodes only). */
export async function eventsNotQueued(db: LogDb = openLogDb()): Promise<number> {
  const ledger = await readLedger(db);
  let count = 0;
  await db.episodes.each((row) => {
    if (row.origin === 'local') count += Math.max(0, row.lastSeq - (ledger[row.id] ?? 0));
  });
  return count;
}
