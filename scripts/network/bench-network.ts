// `npm run bench:network`: figures for the network tier against a real Apache
// CouchDB 3 (COUCHDB_URL, else the release in ../shared/couchdb), not a timed
// test. Simulated tablets are Node PouchDB 9 databases (memory adapter) using
// PouchDB's own live replication, as the app's would:
//   1. 50 tablets at 5 sites each end 200 episodes (9 documents: identity + 8
//      events) at a steady pace while pushing live: events/s reaching the server
//      and the time from an episode's end (its documents written on the tablet)
//      to the arrival of its last event on the server (p50/p95/max);
//   2. a newly published SOP reaching all 50 tablets (live pull of their site library);
//   3. the governance replica (PouchDB leveldb, on disk like IndexedDB) pulling a
//      site log of 5,000 and of 20,000 episodes, to show how it grows.
// Options: --devices N --episodes N --pace-ms N --gov 5000,20000 (smaller for a quick look).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOptions } from './cliArgs';
import { basicAuth, couchClient, parseCouchUrl } from './couchHttp';
import { startCouch } from './couchServer';
import { libraryDb, logDb } from './names';
import { localDb, remoteDb, replicate, type Db, type Replication } from './nodePouch';
import { addPerson, decodeEnrolment, enrolDevice, provision } from './provision';
import { simulatedEpisode, type EpisodeDocs, type Tablet } from './simulatedEpisodes';

const options = readOptions(process.argv.slice(2), ['devices', 'episodes', 'pace-ms', 'gov', 'sites']);
const DEVICES = Number(options.get('devices')?.[0] ?? 50);
const EPISODES = Number(options.get('episodes')?.[0] ?? 200);
const PACE_MS = Number(options.get('pace-ms')?.[0] ?? 300);
const SITES = Number(options.get('sites')?.[0] ?? 5);
const GOV_SIZES = (options.get('gov')?.[0] ?? '5000,20000').split(',').map(Number).filter((n) => n > 0);
const EVENTS_PER_EPISODE = 8;
const PUSH_BATCH = 100;
const GOV_BATCH = 500;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const ms = (value: number) => `${Math.round(value)} ms`;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** Arrival times of documents on the server, from an admin's continuous _changes feed. */
function watchArrivals(base: string, auth: string, db: string, onArrival: (id: string, at: number) => void): { stop(): void } {
  const controller = new AbortController();
  void (async () => {
    const response = await fetch(`${base}/${db}/_changes?feed=continuous&since=now&heartbeat=5000`, { headers: { authorization: auth }, signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line) onArrival((JSON.parse(line) as { id: string }).id, performance.now());
      }
    }
  })().catch(() => undefined);
  return { stop: () => controller.abort() };
}

async function main(): Promise<void> {
  const { machineSpeedLine } = (await import(new URL('../machine-speed.mjs', import.meta.url).href)) as { machineSpeedLine(): string };
  console.log(machineSpeedLine());
  const couch = await startCouch();
  const admin = couchClient(couch.url);
  const { user: adminUser, password: adminPassword } = parseCouchUrl(couch.url);
  const auth = basicAuth(adminUser, adminPassword);
  const replications: Replication[] = [];
  const stoppers: Array<{ stop(): void }> = [];
  const govFolder = await mkdtemp(join(tmpdir(), 'cdc-bench-gov-'));
  try {
    const version = (await admin.request('GET', '/')).body.version;
    console.log(`CouchDB ${version} at ${couch.publicBase}; ${DEVICES} tablets at ${SITES} sites, ${EPISODES} episodes each of ${EVENTS_PER_EPISODE} events, one ended every ${PACE_MS} ms per tablet (offered ${Math.round((DEVICES * 1000) / PACE_MS)} episodes/s, ${Math.round((DEVICES * 1000 * EVENTS_PER_EPISODE) / PACE_MS)} events/s); push batch ${PUSH_BATCH}`);
    const run = Date.now().toString(36);
    const sites = Array.from({ length: SITES }, (_, i) => ({ siteId: `bench-${run}-s${i + 1}`, name: `Bench site ${i + 1}` }));
    await provision(couch.url, { sites });
    const authorPassword = `bench-${Math.random().toString(36).slice(2)}-author`;
    await addPerson(couch.url, `author-${run}`, 'author', authorPassword);

    // the tablets: an outbox and an inbox each, pushing and pulling live
    const tablets: Array<Tablet & { password: string; outbox: Db; inbox: Db }> = [];
    for (let i = 0; i < DEVICES; i += 1) {
      const siteId = sites[i % SITES]!.siteId;
      const { code } = await enrolDevice(couch.url, siteId);
      const { user, password } = decodeEnrolment(code);
      tablets.push({ siteId, deviceId: `bench-tablet-${i + 1}`, account: user, password, outbox: localDb(), inbox: localDb() });
    }
    const sopArrivals = new Map<string, number>();
    let sopId = '';
    for (const tablet of tablets) {
      const push = replicate(tablet.outbox, remoteDb(couch.publicBase, logDb(tablet.siteId), tablet.account, tablet.password), { live: true, retry: true, batch_size: PUSH_BATCH });
      const pull = replicate(remoteDb(couch.publicBase, libraryDb(tablet.siteId), tablet.account, tablet.password), tablet.inbox, { live: true, retry: true });
      pull.on('change', (info) => {
        if (sopId && info.docs?.some((doc) => doc._id === `sop:${sopId}:1.0.0`) && !sopArrivals.has(tablet.account)) sopArrivals.set(tablet.account, performance.now());
      });
      replications.push(push, pull);
    }

    // 1. live push under a steady load
    const endedAt = new Map<string, number>();
    const arrivedAt = new Map<string, number>();
    for (const site of sites) stoppers.push(watchArrivals(couch.publicBase, auth, logDb(site.siteId), (id, at) => { if (endedAt.has(id) && !arrivedAt.has(id)) arrivedAt.set(id, at); }));
    await sleep(1_000);
    // episodes are made (hashed) ahead, so the pace measures sync, not hashing
    const made: EpisodeDocs[][] = [];
    for (const tablet of tablets) {
      const episodes: EpisodeDocs[] = [];
      for (let e = 0; e < EPISODES; e += 1) episodes.push(await simulatedEpisode(tablet, Date.now() - (EPISODES - e) * 600_000, EVENTS_PER_EPISODE));
      made.push(episodes);
    }
    const lastIds = made.flat().map((episode) => `ev:${episode.episodeId}:${String(EVENTS_PER_EPISODE).padStart(8, '0')}`);
    const started = performance.now();
    await Promise.all(tablets.map(async (tablet, t) => {
      await sleep(Math.random() * PACE_MS);
      for (const episode of made[t]!) {
        const lastId = `ev:${episode.episodeId}:${String(EVENTS_PER_EPISODE).padStart(8, '0')}`;
        endedAt.set(lastId, performance.now());
        await tablet.outbox.bulkDocs(episode.docs);
        await sleep(PACE_MS * (0.5 + Math.random()));
      }
    }));
    const generated = performance.now();
    const deadline = generated + 600_000;
    while (arrivedAt.size < lastIds.length && performance.now() < deadline) await sleep(200);
    const finished = Math.max(...arrivedAt.values());
    const latencies = lastIds.filter((id) => arrivedAt.has(id)).map((id) => arrivedAt.get(id)! - endedAt.get(id)!).sort((a, b) => a - b);
    const events = DEVICES * EPISODES * EVENTS_PER_EPISODE;
    console.log(`1. push: ${arrivedAt.size}/${lastIds.length} episodes arrived; ${events} events (+${DEVICES * EPISODES} identity documents) in ${((finished - started) / 1000).toFixed(1)} s = ${Math.round(events / ((finished - started) / 1000))} events/s (the tablets ended their last episodes at ${((generated - started) / 1000).toFixed(1)} s; the server had all ${((finished - generated) / 1000).toFixed(1)} s later)`);
    console.log(`   episode end -> last event on the server: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(latencies.at(-1)!)}`);
    for (const stopper of stoppers) stopper.stop();

    // 2. a new SOP reaching every tablet of every site
    sopId = `bench-sop-${run}`;
    const author = couchClient(couch.publicBase, { user: `author-${run}`, password: authorPassword });
    const published = performance.now();
    await Promise.all(sites.map((site) => author.request('PUT', `/${libraryDb(site.siteId)}/${encodeURIComponent(`sop:${sopId}:1.0.0`)}`, {
      type: 'sop', sopId, version: '1.0.0', document: { format: 'cdc-sop/1', id: sopId, version: '1.0.0', title: 'Bench SOP' }, publishedAt: Date.now(), publishedBy: `author-${run}`,
    })));
    const sopDeadline = published + 120_000;
    while (sopArrivals.size < DEVICES && performance.now() < sopDeadline) await sleep(20);
    const reach = [...sopArrivals.values()].map((at) => at - published).sort((a, b) => a - b);
    console.log(`2. new SOP published to ${SITES} site libraries: on ${sopArrivals.size}/${DEVICES} tablets; first ${ms(reach[0]!)}, p50 ${ms(percentile(reach, 50))}, all ${ms(reach.at(-1)!)} (live pull; includes the author's ${SITES} PUTs)`);
    for (const replication of replications) replication.cancel();
    replications.length = 0;

    // 3. the governance replica pulling a site log of N episodes
    const governancePassword = `bench-${Math.random().toString(36).slice(2)}-governance`;
    await addPerson(couch.url, `governance-${run}`, 'governance', governancePassword);
    const biggest = Math.max(0, ...GOV_SIZES);
    const source: Tablet = { siteId: '', deviceId: 'bench-loader', account: 'bench-loader' };
    const episodes: EpisodeDocs[] = [];
    for (let i = 0; i < biggest; i += 1) episodes.push(await simulatedEpisode(source, Date.now() - (biggest - i) * 60_000, EVENTS_PER_EPISODE));
    const previous: number[] = [];
    for (const size of GOV_SIZES) {
      const siteId = `bench-${run}-gov${size}`;
      await provision(couch.url, { sites: [{ siteId, name: `Bench governance ${size}` }] });
      const docs = episodes.slice(0, size).flatMap((episode) => episode.docs.map((doc) => ({ ...doc, siteId })));
      for (let i = 0; i < docs.length; i += 2_000) {
        const loaded = await admin.request('POST', `/${logDb(siteId)}/_bulk_docs`, { docs: docs.slice(i, i + 2_000) });
        if (loaded.status !== 201) throw new Error(`loading the governance bench log failed: ${loaded.status}`);
      }
      const replica = localDb(`gov-${size}`, govFolder);
      const pullStarted = performance.now();
      const result = await replicate(remoteDb(couch.publicBase, logDb(siteId), `governance-${run}`, governancePassword), replica, { batch_size: GOV_BATCH });
      const seconds = (performance.now() - pullStarted) / 1000;
      previous.push(seconds);
      console.log(`3. governance replica (PouchDB leveldb, batch ${GOV_BATCH}) pulled ${size} episodes (${result.docs_written} documents) in ${seconds.toFixed(1)} s = ${Math.round(result.docs_written / seconds)} documents/s${previous.length > 1 ? ` (x${(seconds / previous[0]!).toFixed(1)} the time for x${(size / GOV_SIZES[0]!).toFixed(0)} the episodes)` : ''}`);
      await replica.close();
    }
  } finally {
    for (const replication of replications) replication.cancel();
    for (const stopper of stoppers) stopper.stop();
    await rm(govFolder, { recursive: true, force: true });
    await couch.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
