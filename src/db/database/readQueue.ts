// Plain IndexedDB reads on Dexie's connection for the bulk exports: many
// requests in flight in one read-only transaction, each result handled in its
// own success event (where further requests may still be issued), so the
// browser reads the next ones while this page formats the last.
import type { LogDb } from './logDb';

export interface RequestQueue {
  /** Whether the database has this store (packs exist from schema version 4). */
  has(store: string): boolean;
  get<T>(store: string, request: (store: IDBObjectStore) => IDBRequest, onResult: (result: T) => void): void;
}

/** Runs `start` in one read-only transaction over the stores that exist; settles when every request has been handled. */
export async function runRequests(db: LogDb, stores: readonly string[], start: (queue: RequestQueue) => void): Promise<void> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  const present = stores.filter((name) => idb.objectStoreNames.contains(name));
  const transaction = idb.transaction(present, 'readonly');
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
    try {
      transaction.abort();
    } catch {
      // Already finished: the failure is still reported.
    }
  };
  const queue: RequestQueue = {
    has: (name) => present.includes(name),
    get(name, request, onResult) {
      const pending = request(transaction.objectStore(name));
      pending.onsuccess = () => {
        try {
          onResult(pending.result);
        } catch (error) {
          fail(error);
        }
      };
    },
  };
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => (failure ? reject(failure) : resolve());
    transaction.onabort = () => reject(failure ?? transaction.error ?? new DOMException('The export read was aborted', 'AbortError'));
  });
  try {
    start(queue);
  } catch (error) {
    fail(error);
  }
  return done;
}
