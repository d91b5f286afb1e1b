// Where the PouchDB databases come from. In the app, pouchdb-browser is
// imported on demand (never on the first screen or a tap) with IndexedDB for
// local copies and HTTP for the server; tests hand in memory databases.
import { NO_LOGIN_PROMPT_HEADERS } from './networkNames';

export type PouchDb = PouchDB.Database<Record<string, unknown>>;

export interface Remote {
  url: string;
  user: string;
  password: string;
}

export interface PouchFactory {
  /** A database on this device (a transport copy: outbox, inbox or governance replica). */
  local(name: string): PouchDb;
  /** A database on the network server. */
  remote(name: string): PouchDb;
  replicate: PouchDB.Static['replicate'];
}

/** Loads PouchDB lazily and opens remote databases with the given account. */
export async function browserPouchFactory(remote: Remote): Promise<PouchFactory> {
  const { default: PouchDB } = await import('pouchdb-browser');
  return {
    local: (name) => new PouchDB(name, { auto_compaction: true }),
    // skip_setup: a device never creates server databases (it could not, and must not try).
    remote: (name) => new PouchDB(`${remote.url}/${encodeURIComponent(name)}`, {
      skip_setup: true,
      auth: { username: remote.user, password: remote.password },
      headers: { ...NO_LOGIN_PROMPT_HEADERS },
    } as PouchDB.Configuration.RemoteDatabaseConfiguration),
    replicate: PouchDB.replicate.bind(PouchDB),
  };
}
