// The library log: every import, publish, approval, withdrawal and trust-list
// change, in order, append-only. Each record's SHA-256 covers its content and
// the record before it (the same canonical form as the episode chain), so a
// deleted, reordered or edited record shows on verification. Visible in
// Author and exportable as JSON.
import { sha256Text, stableJson } from '../../engine/trust';
import { GENESIS_HASH, toStorageError, type LibraryLogRow, type LogDb } from '../database';

export const LIBRARY_LOG_FORMAT = 'cdc-library-log/1';

export type LibraryLogInput = Omit<LibraryLogRow, 'seq' | 'prevHash' | 'hash' | 'at'> & { at?: string };

const hashOf = (row: Omit<LibraryLogRow, 'hash'>): Promise<string> => sha256Text(stableJson(row));

/**
 * Appends one record, linked to the last. The hash is worked out outside the
 * transaction (WebCrypto's promise would let IndexedDB commit under it); the
 * transaction then adds the record only if the last one is still the one it
 * linked to, so two tabs appending at once never fork the log (seq is the key).
 */
export async function appendLibraryLog(db: LogDb, input: LibraryLogInput): Promise<LibraryLogRow> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      const last = await db.libraryLog.orderBy('seq').last();
      const unhashed: Omit<LibraryLogRow, 'hash'> = {
        ...input, at: input.at ?? new Date().toISOString(), seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH,
      };
      const row: LibraryLogRow = { ...unhashed, hash: await hashOf(unhashed) };
      const added = await db.transaction('rw', db.libraryLog, async () => {
        const now = await db.libraryLog.orderBy('seq').last();
        if ((now?.seq ?? 0) !== (last?.seq ?? 0)) return false;
        await db.libraryLog.add(row);
        return true;
      });
      if (added) return row;
    } catch (error) {
      throw toStorageError(error);
    }
  }
  throw toStorageError(new Error('The library log is busy in another tab; try again.'));
}

export function listLibraryLog(db: LogDb): Promise<LibraryLogRow[]> {
  return db.libraryLog.orderBy('seq').toArray();
}

export type LibraryLogCheck = { ok: true; count: number; head: string } | { ok: false; brokenAt: number; reason: string };

export async function verifyLibraryLog(rows: readonly LibraryLogRow[]): Promise<LibraryLogCheck> {
  let prevHash = GENESIS_HASH;
  let seq = 1;
  for (const row of rows) {
    if (row.seq !== seq) return { ok: false, brokenAt: seq, reason: `Record ${seq} is missing.` };
    if (row.prevHash !== prevHash) return { ok: false, brokenAt: seq, reason: `Record ${seq} does not link to the record before it.` };
    const { hash, ...unhashed } = row;
    if ((await hashOf(unhashed)) !== hash) return { ok: false, brokenAt: seq, reason: `Record ${seq} was changed after it was written.` };
    prevHash = hash;
    seq += 1;
  }
  return { ok: true, count: rows.length, head: prevHash };
}

export async function exportLibraryLog(db: LogDb, exportedAt = new Date()): Promise<string> {
  const records = await listLibraryLog(db);
  const check = await verifyLibraryLog(records);
  return `${JSON.stringify({ format: LIBRARY_LOG_FORMAT, exportedAt: exportedAt.toISOString(), head: check.ok ? check.head : null, records }, null, 2)}\n`;
}
