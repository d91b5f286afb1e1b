// Central verification of every site log on a server: reads each cdc-log-*
// database in id order (an episode's identity, then its events by sequence),
// recomputes every episode's hash chain with the app's own code (src/db/log)
// and reports each break with its episode id: a missing event, an event changed
// after it was written, a link to the wrong previous event, a fork (conflicting
// revisions of one document, which CouchDB keeps rather than losing either), an
// event written by another account than its episode's, or documents stored
// under the wrong id or site.
import type { EventRow } from '../../src/db/database';
import { verifyChain } from '../../src/db/log';
import { couchClient, expectStatus, type CouchClient } from './couchHttp';
import { LOG_PREFIX, NETWORK_DB, eventDocId } from './names';

export interface ChainBreak {
  db: string;
  episodeId: string;
  reason: string;
}

export interface SiteReport {
  db: string;
  siteId: string;
  episodes: number;
  events: number;
  /** Episodes whose identity arrived but none of their events yet. */
  episodesWithoutEvents: number;
}

export interface VerifyReport {
  sites: SiteReport[];
  breaks: ChainBreak[];
}

const PAGE = 2_000;
type Row = { id: string; doc?: any };

async function* allDocs(couch: CouchClient, db: string, startkey: string, endkey: string): AsyncGenerator<Row> {
  let start = startkey;
  let skip = 0;
  for (;;) {
    const query = `include_docs=true&conflicts=true&limit=${PAGE}&skip=${skip}&startkey=${encodeURIComponent(JSON.stringify(start))}&endkey=${encodeURIComponent(JSON.stringify(endkey))}`;
    const page = await couch.request<{ rows: Row[] }>('GET', `/${encodeURIComponent(db)}/_all_docs?${query}`);
    expectStatus(page, [200], `Reading ${db}`);
    for (const row of page.body.rows) yield row;
    if (page.body.rows.length < PAGE) return;
    start = page.body.rows[page.body.rows.length - 1]!.id;
    skip = 1;
  }
}

/** The site log databases: every cdc-log-* (needs a server admin), else the sites listed in cdc-network. */
export async function logDatabases(couch: CouchClient): Promise<string[]> {
  const all = await couch.request<string[]>('GET', '/_all_dbs');
  if (all.status === 200) return all.body.filter((name) => name.startsWith(LOG_PREFIX)).sort();
  const sites = await couch.request<{ rows: Row[] }>('GET', `/${NETWORK_DB}/_all_docs?include_docs=true&startkey=%22site%3A%22&endkey=%22site%3A%EF%BF%B0%22`);
  expectStatus(sites, [200], 'Listing the sites');
  return sites.body.rows.map((row) => `${LOG_PREFIX}${row.doc.siteId}`).sort();
}

interface Identity {
  account: unknown;
  deviceId: unknown;
}

async function verifyEpisode(db: string, episodeId: string, docs: any[], identity: Identity | undefined, breaks: ChainBreak[]): Promise<void> {
  const say = (reason: string) => breaks.push({ db, episodeId, reason });
  if (!identity) say('Its episode document (ep:) is missing.');
  const events: EventRow[] = [];
  for (const doc of docs) {
    const event = doc.event as EventRow | undefined;
    if (doc._conflicts?.length) say(`Document ${doc._id} has conflicting revisions (a fork): ${[doc._rev, ...doc._conflicts].join(', ')}.`);
    if (doc.type !== 'event' || !event || typeof event !== 'object') {
      say(`Document ${doc._id} is not an event.`);
      continue;
    }
    if (doc._id !== eventDocId(event.episodeId, event.seq)) say(`Document ${doc._id} holds event ${event.seq} of episode ${event.episodeId}.`);
    if (identity && (doc.account !== identity.account || doc.deviceId !== identity.deviceId)) say(`Event ${event.seq} was written by ${doc.account} (${doc.deviceId}), not by the episode's tablet ${identity.account} (${identity.deviceId}).`);
    events.push(event);
  }
  const check = await verifyChain(episodeId, events);
  if (!check.ok) say(check.reason);
}

/** Verifies every site log (or only `sites`) on the server at `url` (admin or governance credentials). */
export async function verifyServer(url: string, options: { sites?: string[] } = {}): Promise<VerifyReport> {
  const couch = couchClient(url);
  const wanted = options.sites?.map((site) => `${LOG_PREFIX}${site}`);
  const dbs = wanted ?? (await logDatabases(couch));
  const report: VerifyReport = { sites: [], breaks: [] };
  for (const db of dbs) {
    const siteId = db.slice(LOG_PREFIX.length);
    const site: SiteReport = { db, siteId, episodes: 0, events: 0, episodesWithoutEvents: 0 };
    const identities = new Map<string, Identity>();
    for await (const row of allDocs(couch, db, 'ep:', 'ep:\ufff0')) {
      const doc = row.doc;
      const episodeId = row.id.slice(3);
      site.episodes += 1;
      if (doc._conflicts?.length) report.breaks.push({ db, episodeId, reason: `Its episode document has conflicting revisions (a fork): ${[doc._rev, ...doc._conflicts].join(', ')}.` });
      if (doc.siteId !== siteId) report.breaks.push({ db, episodeId, reason: `Its episode document names site ${doc.siteId} in the log of ${siteId}.` });
      if (doc.episode?.id !== episodeId) report.breaks.push({ db, episodeId, reason: `Document ${row.id} holds episode ${doc.episode?.id}.` });
      identities.set(episodeId, { account: doc.account, deviceId: doc.deviceId });
    }
    const seen = new Set<string>();
    let current: string | undefined;
    let group: any[] = [];
    const flush = async () => {
      if (current === undefined) return;
      seen.add(current);
      await verifyEpisode(db, current, group, identities.get(current), report.breaks);
    };
    for await (const row of allDocs(couch, db, 'ev:', 'ev:\ufff0')) {
      site.events += 1;
      const episodeId = row.id.slice(3, row.id.lastIndexOf(':'));
      if (row.doc.siteId !== siteId) report.breaks.push({ db, episodeId, reason: `Document ${row.id} names site ${row.doc.siteId} in the log of ${siteId}.` });
      if (episodeId !== current) {
        await flush();
        current = episodeId;
        group = [];
      }
      group.push(row.doc);
    }
    await flush();
    for (const episodeId of identities.keys()) if (!seen.has(episodeId)) site.episodesWithoutEvents += 1;
    report.sites.push(site);
  }
  return report;
}
