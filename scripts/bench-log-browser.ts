// The log benchmark, run inside a real browser (Chromium, real IndexedDB) by
// scripts/bench-log.mjs, or in Node on fake-indexeddb as a labelled fallback.
// Builds the log, then times the operations the issue sets targets for.
import { LogDb, type EpisodeRow } from '../src/db/database';
import { appendEvents, startEpisode, verifyEpisode } from '../src/db/log';
import { exportEpisodesCsvParts, exportEventsCsvParts, exportLogJsonParts, exportFhirBundle, verifyEpisodes, collectExport } from '../src/db/export';
import { listEpisodes, loadDashboard, monthKey, statsFromEpisodes, type EpisodeFilters } from '../src/db/read';
import { packOf } from '../src/db/packs';
import { sealBlocks } from '../src/db/packs';
import { exportEventsCsvFile } from '../src/db/export';
import { exportLogJsonFile } from '../src/db/export';
import { FIRST_START, SITES, SPAN_MS, seededRandom, storeBenchSops, syntheticEpisode, type DataShape } from './bench-log-data';

export interface BenchConfig {
  episodes: number;
  batch: number;
  verifyEpisodes: number;
  exportEpisodes: number;
  runnerAppends: number;
  dataShape?: DataShape;
}

type Figures = Array<[string, string]>;

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function time<T>(task: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await task();
  return [performance.now() - start, result];
}

/** First run (nothing cached by us) and the median of three more. */
async function firstAndMedian(task: () => Promise<unknown>): Promise<string> {
  const [first] = await time(task);
  const runs: number[] = [];
  for (let i = 0; i < 3; i += 1) runs.push((await time(task))[0]);
  runs.sort((a, b) => a - b);
  return `${ms(first)} first, ${ms(runs[1]!)} median of 3`;
}

export async function runLogBench(config: BenchConfig, log: (line: string) => void = () => undefined): Promise<Figures> {
  const figures: Figures = [];
  await LogDb.delete('bench-log').catch(() => undefined);
  const db = new LogDb('bench-log');
  const sopHashes = await storeBenchSops(db);

  // Bulk load: hashes first, then one strict transaction per batch.
  const random = seededRandom(20261127);
  let hashMs = 0;
  let writeMs = 0;
  let events = 0;
  const summaries: EpisodeRow[] = [];
  for (let start = 0; start < config.episodes; start += config.batch) {
    const count = Math.min(config.batch, config.episodes - start);
    const [hashTime, generated] = await time(() => Promise.all(Array.from({ length: count }, (_, i) => syntheticEpisode(start + i, config.episodes, random, sopHashes, config.dataShape))));
    const [writeTime] = await time(() =>
      db.transaction('rw', [db.episodes, db.events, db.packs], async () => {
        await db.episodes.bulkAdd(generated.map((item) => item.episode));
        await db.events.bulkAdd(generated.flatMap((item) => item.events));
        // Every synthetic episode has ended, so each gets its pack, as endEpisode or an import would write it.
        await db.packs.bulkAdd(generated.flatMap((item) => packOf(item.episode.id, item.events) ?? []));
      }),
    );
    hashMs += hashTime;
    writeMs += writeTime;
    events += generated.reduce((sum, item) => sum + item.events.length, 0);
    for (const item of generated) summaries.push(item.episode);
    if ((start / config.batch) % 20 === 0) log(`  loaded ${start + count} episodes`);
  }
  figures.push(['Log size', `${config.episodes.toLocaleString('en-GB')} episodes, ${events.toLocaleString('en-GB')} events (${config.dataShape ?? 'compact'} event data)`]);
  figures.push(['Bulk insert rate (write only)', `${Math.round(events / (writeMs / 1000)).toLocaleString('en-GB')} events/s (${(writeMs / 1000).toFixed(1)} s in ${config.batch}-episode strict transactions)`]);
  figures.push(['Bulk insert rate (incl. SHA-256 chain)', `${Math.round(events / ((writeMs + hashMs) / 1000)).toLocaleString('en-GB')} events/s`]);
  // The bulk load bypasses appendEvents, so the monthly totals are built once from the summaries in memory.
  const [statsTime, statsRows] = await time(async () => {
    const stats = statsFromEpisodes(summaries);
    await db.monthlyStats.bulkPut(stats);
    return stats.length;
  });
  figures.push(['Monthly dashboard totals built after bulk load', `${ms(statsTime)} (${statsRows} month × SOP rows)`]);
  // The blocks exports read, sealed by the app's own code as after an import (sealBlocks walks every stretch between blocks).
  const [sealTime, sealed] = await time(() => sealBlocks(db));
  figures.push(['Pack blocks sealed after bulk load', `${ms(sealTime)} (${sealed} blocks)`]);

  // The runner's path: one awaited appendEvents (own strict transaction) per event.
  const episode = await startEpisode({ sop: { id: 'fast-af', version: '1.0.0' }, sopHash: sopHashes.get('fast-af')!, site: SITES[0]!, modality: 'echo', appVersion: 'bench' }, db);
  const [appendTime] = await time(async () => {
    for (let i = 0; i < config.runnerAppends; i += 1) await appendEvents(episode.id, [{ type: 'note', at: Date.now(), data: { i } }], {}, db);
  });
  figures.push(['Runner append (one event per awaited strict transaction)', `${(appendTime / config.runnerAppends).toFixed(2)} ms per event, ${Math.round(config.runnerAppends / (appendTime / 1000))} events/s`]);

  const lastYear: EpisodeFilters = { from: FIRST_START + SPAN_MS / 2, to: FIRST_START + SPAN_MS };
  figures.push(['List first page (25), no filter', await firstAndMedian(() => listEpisodes({}, null, 25, db))]);
  figures.push(['List first page, SOP + urgency', await firstAndMedian(() => listEpisodes({ sopId: 'tamponade', urgency: 'emergency' }, null, 25, db))]);
  figures.push(['List first page, site + modality + date range', await firstAndMedian(() => listEpisodes({ site: SITES[3], modality: 'mri', ...lastYear }, null, 25, db))]);
  figures.push(['List first page, abandoned + emergency', await firstAndMedian(() => listEpisodes({ status: 'abandoned', urgency: 'emergency' }, null, 25, db))]);
  const page = await listEpisodes({}, null, 25, db);
  figures.push(['List next page (keyset)', await firstAndMedian(() => listEpisodes({}, page.next, 25, db))]);
  figures.push(['Dashboard, all episodes', await firstAndMedian(() => loadDashboard({}, db))]);
  figures.push(['Dashboard, last 12 months', await firstAndMedian(() => loadDashboard({ fromMonth: monthKey(lastYear.from!) }, db))]);

  // Exports of the most recent `exportEpisodes` episodes.
  const exportRange: EpisodeFilters = { from: FIRST_START + Math.floor(((config.episodes - config.exportEpisodes) / config.episodes) * SPAN_MS) };
  // Baselines: the bare IndexedDB reads an export of this range cannot avoid (its episodes, then its events in one key
  // range), as event rows and as packs. Alternated three times, because a shared machine's load swings between runs.
  const rangeIds = async () => (await db.episodes.where('startedAt').aboveOrEqual(exportRange.from!).toArray()).map((row) => row.id).sort();
  const readRows = async () => {
    const ids = await rangeIds();
    return (await db.events.where('[episodeId+seq]').between([ids[0]!, -Infinity], [ids[ids.length - 1]!, Infinity]).toArray()).length;
  };
  const readPacks = async () => {
    const ids = await rangeIds();
    return (await db.packs.where(':id').between(ids[0]!, ids[ids.length - 1]!, true, true).toArray()).length;
  };
  const rowTimes: number[] = [];
  const packTimes: number[] = [];
  let rowCount = 0;
  let packCount = 0;
  for (let round = 0; round < 3; round += 1) {
    const [rowTime, rows] = await time(readRows);
    const [packTime, packs] = await time(readPacks);
    rowTimes.push(rowTime);
    packTimes.push(packTime);
    [rowCount, packCount] = [rows, packs];
  }
  const spread = (list: number[]) => list.map((value) => value.toFixed(0)).join(' / ') + ' ms';
  figures.push(['Raw IndexedDB read of that range, event rows (baseline)', `${spread(rowTimes)} (${rowCount.toLocaleString('en-GB')} events, no processing)`]);
  figures.push(['Raw IndexedDB read of that range, packs (baseline)', `${spread(packTimes)} (${packCount.toLocaleString('en-GB')} packs, no processing)`]);
  const [episodesTime] = await time(() => collectExport(exportRange, db, false));
  const [collectTime] = await time(() => collectExport(exportRange, db));
  figures.push(['Export read: episodes only / episodes + packs, unpacked', `${ms(episodesTime)} / ${ms(collectTime)}`]);
  // Each export as the Log section saves it: parts, which the download's Blob joins (timed apart, as "to a Blob").
  // Three rounds, alternated, because a shared machine's load swings between runs.
  const exportTimes = { episodes: [] as number[], events: [] as number[], json: [] as number[], eventsFile: [] as number[], jsonFile: [] as number[] };
  let episodesParts: string[] = [];
  let eventsParts: string[] = [];
  let jsonParts: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    let took: number;
    [took, episodesParts] = await time(() => exportEpisodesCsvParts(exportRange, db));
    exportTimes.episodes.push(took);
    [took, eventsParts] = await time(() => exportEventsCsvParts(exportRange, db));
    exportTimes.events.push(took);
    [took, jsonParts] = await time(() => exportLogJsonParts(exportRange, 'bench', db));
    exportTimes.json.push(took);
    // As the Log section saves the event-level exports: the file's bytes, then the download's Blob of them, timed together.
    [took] = await time(async () => new Blob([await exportEventsCsvFile(exportRange, db)], { type: 'text/csv' }).size);
    exportTimes.eventsFile.push(took);
    [took] = await time(async () => new Blob([await exportLogJsonFile(exportRange, 'bench', db)], { type: 'application/json' }).size);
    exportTimes.jsonFile.push(took);
  }
  const blobMs = async (parts: string[]) => (await time(async () => new Blob(parts, { type: 'text/plain' }).size))[0];
  const length = (parts: string[]) => parts.reduce((sum, part) => sum + part.length, 0);
  const size = (chars: number) => `${(chars / 1048576).toFixed(1)} MB`;
  const exported = (JSON.parse(jsonParts.join('')) as { seal: { episodeCount: number; eventCount: number } }).seal;
  figures.push([`Export scope`, `${exported.episodeCount.toLocaleString('en-GB')} episodes, ${exported.eventCount.toLocaleString('en-GB')} events`]);
  figures.push(['CSV export, episodes (3 runs)', `${spread(exportTimes.episodes)} (${size(length(episodesParts))}); then ${ms(await blobMs(episodesParts))} to a Blob`]);
  figures.push(['CSV export, events (3 runs)', `${spread(exportTimes.events)} (${size(length(eventsParts))}); then ${ms(await blobMs(eventsParts))} to a Blob`]);
  figures.push(['JSON export, full chains (3 runs)', `${spread(exportTimes.json)} (${size(length(jsonParts))}); then ${ms(await blobMs(jsonParts))} to a Blob`]);
  figures.push(['Events CSV as saved: file bytes + Blob (3 runs)', spread(exportTimes.eventsFile)]);
  figures.push(['JSON as saved: file bytes + Blob (3 runs)', spread(exportTimes.jsonFile)]);

  const fhirRange: EpisodeFilters = { from: FIRST_START + Math.floor(((config.episodes - 1000) / config.episodes) * SPAN_MS) };
  const [fhirTime, fhirText] = await time(() => exportFhirBundle(fhirRange, db));
  figures.push(['FHIR R4 Bundle export, latest ~1,000 episodes', `${ms(fhirTime)} (${size(fhirText.length)})`]);

  const [verifyTime, report] = await time(() => verifyEpisodes(exportRange, db));
  figures.push([`Verify ${report.checked.toLocaleString('en-GB')} episodes (chain + head)`, `${ms(verifyTime)} (${report.broken.length} broken)`]);
  const sample = (await listEpisodes({}, null, 100, db)).rows.map((row) => row.id);
  const [oneByOne] = await time(async () => {
    for (const id of sample) await verifyEpisode(id, db);
  });
  figures.push(['Verify one episode (timeline button)', `${ms(oneByOne / sample.length)} each`]);
  db.close();
  await LogDb.delete('bench-log');
  return figures;
}
