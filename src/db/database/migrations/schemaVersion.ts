// The shape of one shipped schema version: what each vN.ts file exports.
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  /** The full stores map of this version (every table, not only the new ones): Dexie diffs it against the version before. */
  stores: Record<string, string>;
  /** Runs once, inside Dexie's upgrade transaction, on a database that was at an older version. */
  upgrade?: (tx: Transaction) => Promise<void>;
}
