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
