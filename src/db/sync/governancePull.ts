// The governance replica: every site's log pulled (one-shot PouchDB
// replications, checkpointed, so a second pull fetches only what is new) into
// read-only copies on this device, then checked episode by episode through the
// log file import (chain verified, summary rebuilt from the events) into one
// Dexie database per site, which the Log section's list and dashboard read.
// Nothing is ever written back: the governance role cannot write a log.
import { getSetting, putSetting } from '../config';
import { LogDb, type EventRow } from '../database';
import { LOG_EXPORT_FORMAT } from '../export';
import { importReplicatedEpisodes, linkedSopHashes, type ImportRefusal } from '../log';
import { listLibrary } from '../library';
import { hashSop } from '../../engine';
import { checkLogDoc, type EpisodeDoc } from './logDocs';
import { governanceReplicaName, libraryDbName, logDbName, NETWORK_DB, SITE_ID } from './networkNames';
import type { PouchDb, PouchFactory } from './pouchFactory';

export const GOVERNANCE_DEVICES_KEY = 'governance.devices';
const IMPORT_CHUNK = 400;

export interface GovernanceDevice {
  deviceId: string;
  account: string;
}

export interface GovernanceSite {
  siteId: string;
  name: string;
  /** Episodes held for this site after the pull (verified). */
  episodes: number;
  /** Episodes or records the checks refused, with why. */
  refused: ImportRefusal[];
}

export interface GovernancePull {
  sites: GovernanceSite[];
}

/** The Dexie database holding a site's verified episodes on this device. */
export const governanceDb = (siteId: string): LogDb => new LogDb(`cdc-governance-log-${siteId}`);

async function replicateOnce(pouch: PouchFactory, remoteName: string): Promise<PouchDb> {
  const local = pouch.local(governanceReplicaName(remoteName));
  await pouch.replicate(pouch.remote(remoteName), local, { batch_size: 500, batches_limit: 4 });
  return local;
}

async function allDocs(local: PouchDb): Promise<unknown[]> {
  return (await local.allDocs({ include_docs: true })).rows.map((row) => row.doc);
}

interface SopEntry {
  hash: string; id: string; version: string; status: string; title: string; source: string; document: unknown; storedAt: number;
}

/** The SOP versions the episodes may have run: the shipped templates and the site's published library. */
async function knownSops(libraryDocs: unknown[], db: LogDb): Promise<Map<string, SopEntry>> {
  const known = new Map<string, SopEntry>();
  for (const entry of await listLibrary({ db, checkBuiltIns: false })) {
    if (entry.source !== 'built-in') continue;
    known.set(entry.key, { hash: entry.key, id: entry.sopId, version: entry.version, status: entry.status, title: entry.title, source: 'built-in', document: entry.document, storedAt: 0 });
  }
  for (const raw of libraryDocs) {
    const doc = raw as { type?: unknown; document?: unknown };
    if (doc?.type !== 'sop' || !doc.document || typeof doc.document !== 'object') continue;
    const document = doc.document as Record<string, unknown>;
    const hash = await hashSop(document as never);
    known.set(hash, { hash, id: String(document.id), version: String(document.version), status: String(document.status), title: String(document.title), source: 'imported', document, storedAt: 0 });
  }
  return known;
}

/** Groups a site's documents into episodes, refusing what does not hold together. */
function episodesOf(docs: unknown[], siteId: string) {
  const identities = new Map<string, EpisodeDoc>();
  const events = new Map<string, Array<{ event: EventRow; deviceId: string; account: string }>>();
  const refused: ImportRefusal[] = [];
  for (const raw of docs) {
    const checked = checkLogDoc(raw, siteId);
    if (checked === 'design') continue;
    if (typeof checked === 'string') {
      refused.push({ episodeId: String((raw as { _id?: unknown })?._id ?? '?'), reason: checked });
      continue;
    }
    if (checked.kind === 'episode') identities.set(checked.doc.episode.id, checked.doc);
    else {
      const list = events.get(checked.doc.event.episodeId) ?? [];
      list.push({ event: checked.doc.event, deviceId: checked.doc.deviceId, account: checked.doc.account });
      events.set(checked.doc.event.episodeId, list);
    }
  }
  const episodes: Array<{ identity: EpisodeDoc; events: EventRow[] }> = [];
  for (const [episodeId, list] of events) {
    const identity = identities.get(episodeId);
    if (!identity) {
      refused.push({ episodeId, reason: 'Its identity record (device and site) has not arrived; it is shown once it has.' });
      continue;
    }
    if (list.some((item) => item.deviceId !== identity.deviceId || item.account !== identity.account)) {
      refused.push({ episodeId, reason: 'Its events claim a different device than the episode.' });
      continue;
    }
    const sorted = list.map((item) => item.event).sort((a, b) => a.seq - b.seq);
    const started = sorted[0];
    const recordedDevice = started?.data.deviceId;
    if (typeof recordedDevice === 'string' && recordedDevice !== identity.deviceId) {
      refused.push({ episodeId, reason: 'Its chained first event names a different device than its identity record.' });
      continue;
    }
    if (started?.type === 'episode-started' && started.data.sopHash !== identity.episode.sopHash) {
      refused.push({ episodeId, reason: 'Its identity record names a different SOP version than its events.' });
      continue;
    }
    episodes.push({ identity, events: sorted });
  }
  return { episodes, refused };
}

export interface GovernancePullOptions {
  pouch: PouchFactory;
  /** Defaults to governanceDb (one Dexie database per site). */
  dbFor?(siteId: string): LogDb;
  onProgress?(words: string): void;
}

/** Pulls and verifies every site's log. Throws on an unreachable server or a refused sign-in (the caller says so). */
export async function pullGovernance(options: GovernancePullOptions): Promise<GovernancePull> {
  const { pouch } = options;
  const dbFor = options.dbFor ?? governanceDb;
  options.onProgress?.('Reading the list of sites…');
  const network = await allDocs(await replicateOnce(pouch, NETWORK_DB));
  const sites = network
    .map((raw) => raw as { type?: unknown; siteId?: unknown; name?: unknown })
    .filter((doc): doc is { type: 'site'; siteId: string; name: string } => doc?.type === 'site' && typeof doc.siteId === 'string' && SITE_ID.test(doc.siteId))
    .map((doc) => ({ siteId: doc.siteId, name: typeof doc.name === 'string' ? doc.name.slice(0, 120) : doc.siteId }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const result: GovernanceSite[] = [];
  for (const site of sites) {
    options.onProgress?.(`Pulling the log of ${site.name}…`);
    const [logDocs, libraryDocs] = await Promise.all([
      replicateOnce(pouch, logDbName(site.siteId)).then(allDocs),
      replicateOnce(pouch, libraryDbName(site.siteId)).then(allDocs),
    ]);
    options.onProgress?.(`Checking the records of ${site.name}…`);
    const db = dbFor(site.siteId);
    const { episodes, refused } = episodesOf(logDocs, site.siteId);
    const sops = await knownSops(libraryDocs, db);
    const devices = { ...((await getSetting(GOVERNANCE_DEVICES_KEY, db)) as Record<string, GovernanceDevice> | undefined) };
    for (let start = 0; start < episodes.length; start += IMPORT_CHUNK) {
      const chunk = episodes.slice(start, start + IMPORT_CHUNK);
      const needed = new Set(chunk.flatMap(({ events }) => [String(events[0]?.data.sopHash ?? ''), ...linkedSopHashes(events[0])]));
      const file = {
        format: LOG_EXPORT_FORMAT,
        sops: [...needed].flatMap((hash) => sops.get(hash) ?? []),
        episodes: chunk.map(({ events }) => ({ episode: { id: events[0]!.episodeId, lastSeq: events.at(-1)!.seq, headHash: events.at(-1)!.hash }, events })),
      };
      // The same checks as a log file brought in by hand (bar the file seal nobody made): the chain must verify, the SOP must match its hash.
      const report = await importReplicatedEpisodes(JSON.stringify(file), db);
      if (report.fileError) refused.push({ episodeId: '', reason: report.fileError });
      refused.push(...report.refused);
      const refusedIds = new Set(report.refused.map((item) => item.episodeId));
      for (const { identity } of chunk) {
        if (!refusedIds.has(identity.episode.id)) devices[identity.episode.id] = { deviceId: identity.deviceId, account: identity.account };
      }
    }
    await putSetting(GOVERNANCE_DEVICES_KEY, devices, db);
    result.push({ siteId: site.siteId, name: site.name, episodes: await db.episodes.count(), refused });
  }
  return { sites: result };
}

export async function governanceDevices(db: LogDb): Promise<Record<string, GovernanceDevice>> {
  const value = await getSetting(GOVERNANCE_DEVICES_KEY, db);
  return value && typeof value === 'object' ? (value as Record<string, GovernanceDevice>) : {};
}
