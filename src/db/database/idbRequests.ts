// Plain IndexedDB for the one hot write (each tap's append): Dexie's
// transaction and table layers cost more than the write itself on a slow
// tablet. Same database connection and schema as Dexie; the careful path and
// everything else still go through Dexie.
import type { LogDb } from './logDb';

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('The request failed', 'UnknownError'));
  });
}

/** Settles when the transaction commits (or fails to). */
export function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    const failed = () => reject(transaction.error ?? new DOMException('The transaction was aborted', 'AbortError'));
    transaction.onerror = failed;
    transaction.onabort = failed;
  });
}

/**
 * How far a write must have gone before its commit is reported (IndexedDB 3.0,
 * `IDBTransactionOptions.durability`). `strict`: flushed to the disk, with
 * every change written before it. `relaxed`: handed to the operating system,
 * so it survives a reload or a browser crash but not a power loss until a
 * later strict commit (or the system itself) flushes it.
 */
export type WriteDurability = 'strict' | 'relaxed';

/** A read-write transaction on the log's own connection; strict unless the caller says otherwise. */
export async function writeTransaction(db: LogDb, stores: string[], durability: WriteDurability = 'strict'): Promise<IDBTransaction> {
  if (!db.isOpen()) await db.open();
  return db.backendDB().transaction(stores, 'readwrite', { durability });
}
