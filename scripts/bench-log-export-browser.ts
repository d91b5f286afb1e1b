// The export benchmark's page side (scripts/bench-log-export.mjs): builds the
// synthetic log once (kept in the browser profile between runs), then times
// each export of the latest 10,000 episodes over a few rounds.
import { LogDb } from '../src/db/database';
import { collectExport, exportEpisodesCsvParts, exportEventsCsvParts, exportLogJsonParts } from '../src/db/export';
import { type EpisodeFilters } from '../src/db/read';
import { packOf } from '../src/db/packs';
import { sealBlocks } from '../src/db/packs';
import { exportEventsCsvFile } from '../src/db/export';
import { exportLogJsonFile } from '../src/db/export';
import { FIRST_START, SPAN_MS, seededRandom, storeBenchSops, syntheticEpisode, type DataShape } from './bench-log-data';

export interface ExportBenchConfig { episodes: number; exportEpisodes: number; batch: number; rounds: number; only?: string; dataShape?: DataShape }
type Figures = Array<[string, string]>;

const dbName = (config: ExportBenchConfig) => `bench-log-export-${config.dataShape ?? 'compact'}`;

async function time<T>(task: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await task();
  return [performance.now() - start, result];
}

/** Builds the log unless the kept profile already holds one of this size. */
export async function ensureLog(config: ExportBenchConfig, log: (line: string) => void): Promise<void> {
  const existing = new LogDb(dbName(config));
  const stored = await existing.episodes.count();
  // A log kept from before version 5 was given its blocks by the upgrade on opening; sealing again finds nothing new.
  const sealed = stored === config.episodes ? await sealBlocks(existing) : 0;
  const blocks = stored === config.episodes ? await existing.packBlocks.count() : 0;
  existing.close();
  if (stored === config.episodes) return log(`using the stored log of ${stored} episodes (${blocks} blocks, ${sealed} sealed now)`);
  await LogDb.delete(dbName(config));
  const db = new LogDb(dbName(config));
  const sopHashes = await storeBenchSops(db);
  const random = seededRandom(20261127);
  for (let start = 0; start < config.episodes; start += config.batch) {
    const count = Math.min(config.batch, config.episodes - start);
    const generated = await Promise.all(Array.from({ length: count }, (_, i) => syntheticEpisode(start + i, config.episodes, random, sopHashes, config.dataShape)));
    await db.transaction('rw', [db.episodes, db.events, db.packs], async () => {
      await db.episodes.bulkAdd(generated.map((item) => item.episode));
      await db.events.bulkAdd(generated.flatMap((item) => item.events));
      await db.packs.bulkAdd(generated.flatMap((item) => packOf(item.episode.id, item.events) ?? []));
    });
    log(`  loaded ${start + count} episodes`);
  }
  log(`  sealed ${await sealBlocks(db)} blocks`);
  db.close();
}

export async function runExportBench(config: ExportBenchConfig, log: (line: string) => void): Promise<Figures> {
  const db = new LogDb(dbName(config));
  const range: EpisodeFilters = { from: FIRST_START + Math.floor(((config.episodes - config.exportEpisodes) / config.episodes) * SPAN_MS) };
  const chars = (parts: string[]) => parts.reduce((sum, part) => sum + part.length, 0);
  // The first two: the read every export made before chunking (whole, then formatted), as a yardstick within the run.
  const tasks: Array<[string, () => Promise<number>]> = [
    ['export read: summaries only', async () => (await collectExport(range, db, false)).episodes.length],
    ['export read: summaries + chains', async () => (await collectExport(range, db)).episodes.length],
    ['episodes CSV', async () => chars(await exportEpisodesCsvParts(range, db))],
    ['events CSV', async () => chars(await exportEventsCsvParts(range, db))],
    ['JSON', async () => chars(await exportLogJsonParts(range, 'bench', db))],
    ['events CSV to a Blob', async () => new Blob(await exportEventsCsvParts(range, db)).size],
    ['JSON to a Blob', async () => new Blob(await exportLogJsonParts(range, 'bench', db)).size],
    // As the Log section saves them: the file's bytes, each chunk encoded as it is read, then one Blob.
    ['events CSV file bytes', async () => (await exportEventsCsvFile(range, db)).length],
    ['JSON file bytes', async () => (await exportLogJsonFile(range, 'bench', db)).length],
    ['events CSV file bytes to a Blob', async () => new Blob([await exportEventsCsvFile(range, db)]).size],
    ['JSON file bytes to a Blob', async () => new Blob([await exportLogJsonFile(range, 'bench', db)]).size],
  ];
  const times = new Map<string, number[]>();
  const sizes = new Map<string, number>();
  for (let round = 0; round < config.rounds; round += 1) {
    for (const [name, task] of tasks.filter(([name]) => !config.only || name.includes(config.only))) {
      const [ms, size] = await time(task);
      times.set(name, [...(times.get(name) ?? []), ms]);
      sizes.set(name, size);
      log(`${round} ${name}: ${ms.toFixed(0)} ms`);
    }
  }
  db.close();
  return tasks.filter(([name]) => times.has(name)).map(([name]) => {
    const list = times.get(name)!;
    const sorted = [...list].sort((a, b) => a - b);
    return [name, `${list.map((t) => t.toFixed(0)).join(' / ')} ms (min ${sorted[0]!.toFixed(0)}; size ${sizes.get(name)})`];
  });
}

