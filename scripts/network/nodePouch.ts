// PouchDB 9 in Node for the network tests and benchmark: a simulated tablet's
// outbox/inbox (memory adapter, or leveldb in a folder) and the remote CouchDB
// databases it replicates with. Replication is PouchDB's own (checkpoints,
// batching, retries): nothing here re-implements it.
import PouchDBModule from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';

export type Db = PouchDB.Database<Record<string, unknown>>;

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  status: string;
}

export interface Replication extends Promise<ReplicationResult> {
  cancel(): void;
  on(event: 'change', listener: (info: { docs_written: number; docs_read: number; docs?: Array<{ _id: string }> }) => void): Replication;
  on(event: 'error' | 'denied' | 'paused' | 'active' | 'complete', listener: (info: any) => void): Replication;
}

interface PouchStatic {
  new (name: string, options?: Record<string, unknown>): Db;
  plugin(plugin: unknown): PouchStatic;
  replicate(source: Db | string, target: Db | string, options?: Record<string, unknown>): Replication;
}

const PouchDB = PouchDBModule as unknown as PouchStatic;
PouchDB.plugin(memoryAdapter);

let counter = 0;

/** A tablet's local database: in memory unless a folder is given (leveldb). */
export function localDb(name = `tablet-${process.pid}-${(counter += 1)}`, folder?: string): Db {
  return folder ? new PouchDB(`${folder}/${name}`) : new PouchDB(name, { adapter: 'memory' });
}

/** A database on the server, as a given account (never creates it). */
export function remoteDb(base: string, db: string, user: string, password: string): Db {
  return new PouchDB(`${base}/${encodeURIComponent(db)}`, { auth: { username: user, password }, skip_setup: true });
}

export function replicate(source: Db, target: Db, options: Record<string, unknown> = {}): Replication {
  return PouchDB.replicate(source, target, { batch_size: 200, ...options });
}
