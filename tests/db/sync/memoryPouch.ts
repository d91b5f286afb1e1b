// PouchDB with its memory adapter, for the sync tests: "remote" databases stand
// in for the CouchDB server (no server is needed for npm test). Each factory
// has its own name prefix so tests never share data.
import PouchDB from 'pouchdb-browser';
import memory from 'pouchdb-adapter-memory';
import type { PouchDb, PouchFactory } from '../../../src/db/sync';

PouchDB.plugin(memory);

export interface MemoryNetwork {
  factory(): PouchFactory;
  /** A database of the stand-in server, as the server would hold it. */
  server(name: string): PouchDb;
  /** Lets a test change how the server answers one database (failures, refusals). */
  intercept(name: string, change: (db: PouchDb) => void): void;
  /** The same for a database on the devices (the outbox, an inbox). */
  interceptLocal(name: string, change: (db: PouchDb) => void): void;
}

export function memoryNetwork(): MemoryNetwork {
  const prefix = `net-${globalThis.crypto.randomUUID()}-`;
  const servers = new Map<string, PouchDb>();
  const tweaks = new Map<string, (db: PouchDb) => void>();
  const localTweaks = new Map<string, (db: PouchDb) => void>();
  const server = (name: string) => {
    let db = servers.get(name);
    if (!db) {
      db = new PouchDB(`${prefix}server-${name}`, { adapter: 'memory' }) as PouchDb;
      servers.set(name, db);
    }
    return db;
  };
  let devices = 0;
  return {
    server,
    intercept(name, change) {
      tweaks.set(name, change);
    },
    interceptLocal(name, change) {
      localTweaks.set(name, change);
    },
    factory() {
      const device = (devices += 1);
      return {
        local: (name) => {
          const db = new PouchDB(`${prefix}device${device}-${name}`, { adapter: 'memory' }) as PouchDb;
          localTweaks.get(name)?.(db);
          return db;
        },
        remote: (name) => {
          // A fresh handle on the same stored data, as a new HTTP connection would be.
          const db = new PouchDB(`${prefix}server-${name}`, { adapter: 'memory' }) as PouchDb;
          server(name);
          tweaks.get(name)?.(db);
          return db;
        },
        replicate: PouchDB.replicate.bind(PouchDB),
      };
    },
  };
}
