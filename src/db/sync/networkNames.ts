// The names the network contract fixes (docs/network.md, NETWORK-CONTRACT):
// site ids, database names and document ids. Changed only with the server side.

export const SITE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const NETWORK_DB = 'cdc-network';
export const libraryDbName = (siteId: string): string => `cdc-library-${siteId}`;
export const logDbName = (siteId: string): string => `cdc-log-${siteId}`;

export const episodeDocId = (episodeId: string): string => `ep:${episodeId}`;
export const eventDocId = (episodeId: string, seq: number): string => `ev:${episodeId}:${String(seq).padStart(8, '0')}`;

/** Local PouchDB databases on the tablet: transport copies only, Dexie stays the record. */
export const outboxName = (siteId: string): string => `cdc-outbox-${siteId}`;
export const inboxName = (remoteName: string): string => `cdc-inbox-${remoteName}`;
export const governanceReplicaName = (remoteName: string): string => `cdc-governance-${remoteName}`;

/**
 * Sent with every request to the server. CouchDB (with require_valid_user) answers a refused login with
 * `WWW-Authenticate: Basic`, which makes a browser open its own sign-in box and hold the request until someone
 * answers it: a revoked tablet would never hear its 401. With this header CouchDB names the scheme given here
 * instead, which browsers do not prompt for. The server's CORS settings allow it (provision.ts).
 */
export const NO_LOGIN_PROMPT_HEADERS: Readonly<Record<string, string>> = { 'X-CouchDB-WWW-Authenticate': 'Cookie' };
