// The Dexie database of the episode log: typed tables and how to open one.
// Every Dexie write transaction asks for strict durability, so an acknowledged
// write survives power loss (IndexedDB's relaxed default may not). The one
// exception is the runner's per-tap append (knownHeadAppend.ts), which may ask
// for relaxed and is flushed by a strict commit seconds later (the snapshot).
import Dexie, { type Table } from 'dexie';
import { declareVersions, LATEST_VERSION } from './migrations';
import type { MonthlyStatsRow } from '../read';
import type { BlockKey } from '../packs';
import type { ApproverKeyRow, LibraryLogRow, DirectoryRow, EpisodeRow, EventRow, PackBlockRow, PackRow, SettingRow, SnapshotRow, SopRow, StatsDueRow } from './rows';

export const DEFAULT_DB_NAME = 'cdc-episode-log';

export class LogDb extends Dexie {
  episodes!: Table<EpisodeRow, string>;
  events!: Table<EventRow, [string, number]>;
  sops!: Table<SopRow, string>;
  snapshots!: Table<SnapshotRow, string>;
  directory!: Table<DirectoryRow, string>;
  settings!: Table<SettingRow, string>;
  monthlyStats!: Table<MonthlyStatsRow, string>;
  /** Derived read copies of ended episodes' chains (episodePacks.ts); `events` stays the record. */
  packs!: Table<PackRow, string>;
  /** Derived read copies of many ended episodes at once (packBlocks.ts). */
  packBlocks!: Table<PackBlockRow, BlockKey>;
  /** The library log (schema version 6): append-only, hash-chained. */
  libraryLog!: Table<LibraryLogRow, number>;
  /** This device's approver keys (schema version 6). */
  approverKeys!: Table<ApproverKeyRow, string>;
  /** Monthly totals still to be moved on after a tap (schema version 7, read/dueStats.ts). */
  statsDue!: Table<StatsDueRow, [string, number]>;

  /** `upToVersion` exists for migration tests: open the schema as an older app shipped it. */
  constructor(name: string = DEFAULT_DB_NAME, upToVersion: number = LATEST_VERSION) {
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    // The app reads on demand and never uses liveQuery, so Dexie's change
    // tracking (key ranges computed for every written row and broadcast to
    // other tabs after every transaction) would only add work to each tap.
    this.unuse({ stack: 'dbcore', name: 'Observability' });
    this.unuse({ stack: 'dbcore', name: 'Cache' });
    declareVersions(this, upToVersion);
  }
}

/** Packs exist from schema version 4; a database opened as an older app shipped it (migration tests) has none. */
export function packTables(db: LogDb): Array<Table<PackRow, string>> {
  return db.tables.some((table) => table.name === 'packs') ? [db.packs] : [];
}

/** Pack blocks exist from schema version 5. */
export function blockTables(db: LogDb): Array<Table<PackBlockRow, BlockKey>> {
  return db.tables.some((table) => table.name === 'packBlocks') ? [db.packBlocks] : [];
}

let defaultDb: LogDb | null = null;

/** Opens (lazily) a log database. Tests pass a fresh name each time. */
export function openLogDb(name?: string): LogDb {
  if (name !== undefined) return new LogDb(name);
  defaultDb ??= new LogDb(DEFAULT_DB_NAME);
  return defaultDb;
}
