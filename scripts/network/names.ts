// The network's fixed names (docs/network.md, the network contract): site ids,
// database names and account names, shared by provisioning, verification,
// the tests and the benchmark.

export const SITE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const DEVICE_USER = /^device-[0-9a-f]{16}$/;
export const PERSON_NAME = /^[a-z0-9][a-z0-9._-]{0,59}$/;

export const NETWORK_DB = 'cdc-network';
export const LOG_PREFIX = 'cdc-log-';
export const LIBRARY_PREFIX = 'cdc-library-';
export const GUARD_DDOC = '_design/cdc-guard';

export const logDb = (siteId: string) => `${LOG_PREFIX}${siteId}`;
export const libraryDb = (siteId: string) => `${LIBRARY_PREFIX}${siteId}`;
export const siteRole = (siteId: string) => `site:${siteId}`;

export function checkSiteId(siteId: string): string {
  if (!SITE_ID.test(siteId)) throw new Error(`"${siteId}" is not a site id: use lower-case letters, digits and hyphens, up to 40 characters, e.g. leeds-cdc.`);
  return siteId;
}

/** `ev:<episodeId>:<seq as 8 digits>` */
export const eventDocId = (episodeId: string, seq: number) => `ev:${episodeId}:${String(seq).padStart(8, '0')}`;
export const episodeDocId = (episodeId: string) => `ep:${episodeId}`;
