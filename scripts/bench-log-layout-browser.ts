// Storage-layout experiment for the event-level exports (issue #6), run in
// real Chromium by scripts/bench-log-layout.mjs: reading a range of events as
// rows (Dexie, raw getAll) against one packed row per episode, and formatting.
import Dexie from 'dexie';
import Papa from 'papaparse';
import { canonicalJson, sha256Hex } from '../src/db/log';
import type { EventRow } from '../src/db/database';
import { SOP_IDS, seededRandom, syntheticEpisode } from './bench-log-data';

export interface LayoutConfig { episodes: number; exportEpisodes: number; batch: number; rows: boolean }
type Figures = Array<[string, string]>;

async function time<T>(task: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await task();
  return [performance.now() - start, result];
}

function rawGetAll<T>(db: Dexie, store: string, range: IDBKeyRange): Promise<T[]> {
  const idb = db.backendDB();
  return new Promise((resolve, reject) => {
    const request = idb.transaction(store, 'readonly').objectStore(store).getAll(range);
    request.onsuccess = () => resolve(request.result as T[]);
    request.onerror = () => reject(request.error);
  });
}

async function gzip(text: string): Promise<ArrayBuffer> {
  return new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}
function gunzip(bytes: ArrayBuffer): Promise<string> {
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
}

export async function runLayoutBench(config: LayoutConfig, log: (line: string) => void): Promise<Figures> {
  await Dexie.delete('layout').catch(() => undefined);
  const db = new Dexie('layout', { chromeTransactionDurability: 'strict' });
  db.version(1).stores({ events: '[episodeId+seq]', packText: 'episodeId', packArray: 'episodeId', packCompact: 'episodeId', packGzip: 'episodeId', tiny: 'episodeId' });
  const sopHashes = new Map<string, string>();
  for (const id of SOP_IDS) sopHashes.set(id, await sha256Hex(canonicalJson({ id })));
  const random = seededRandom(7);
  const ids: string[] = [];
  let writeRows = 0, writeText = 0, writeArray = 0;
  for (let start = 0; start < config.episodes; start += config.batch) {
    const generated = await Promise.all(Array.from({ length: config.batch }, (_, i) => syntheticEpisode(start + i, config.episodes, random, sopHashes)));
    for (const item of generated) ids.push(item.episode.id);
    if (config.rows) writeRows += (await time(() => db.transaction('rw', 'events', () => db.table('events').bulkAdd(generated.flatMap((g) => g.events)))))[0];
    const compact = generated.map((g) => ({ episodeId: g.episode.id, events: JSON.stringify(g.events.map((e) => [e.id, e.type, e.stepId, e.data, e.at, e.mono, e.hash])) }));
    const gz = await Promise.all(generated.map(async (g) => ({ episodeId: g.episode.id, events: await gzip(JSON.stringify(g.events)) })));
    await db.transaction('rw', ['packCompact', 'packGzip', 'tiny'], async () => {
      await db.table('packCompact').bulkAdd(compact);
      await db.table('packGzip').bulkAdd(gz);
      await db.table('tiny').bulkAdd(generated.map((g) => ({ episodeId: g.episode.id, n: 1 })));
    });
    if (start === 0) log(`sizes: text ${JSON.stringify(generated[0]!.events).length}, compact ${compact[0]!.events.length}, gzip ${gz[0]!.events.byteLength}`);
    writeText += (await time(() => db.transaction('rw', 'packText', () => db.table('packText').bulkAdd(generated.map((g) => ({ episodeId: g.episode.id, events: JSON.stringify(g.events) }))))))[0];
    writeArray += (await time(() => db.transaction('rw', 'packArray', () => db.table('packArray').bulkAdd(generated.map((g) => ({ episodeId: g.episode.id, events: g.events }))))))[0];
    if ((start / config.batch) % 5 === 0) log(`  loaded ${start + config.batch}`);
  }
  const figures: Figures = [[`write ${config.episodes} episodes`, `rows ${writeRows.toFixed(0)} ms, text packs ${writeText.toFixed(0)} ms, array packs ${writeArray.toFixed(0)} ms`]];
  const low = ids[ids.length - config.exportEpisodes]!;
  const high = ids[ids.length - 1]!;
  const eventRange = IDBKeyRange.bound([low, -Infinity], [high, Infinity]);
  const packRange = IDBKeyRange.bound(low, high);
  const variants: Array<[string, () => Promise<number>]> = [
    ['tiny rows (one per episode)', async () => (await rawGetAll<unknown>(db, 'tiny', packRange)).length],
    ['text packs + JSON.parse', async () => (await rawGetAll<{ events: string }>(db, 'packText', packRange)).reduce((n, p) => n + (JSON.parse(p.events) as unknown[]).length, 0)],
    ['compact text packs + JSON.parse', async () => (await rawGetAll<{ events: string }>(db, 'packCompact', packRange)).reduce((n, p) => n + (JSON.parse(p.events) as unknown[]).length, 0)],
    ['array packs (structured clone)', async () => (await rawGetAll<{ events: EventRow[] }>(db, 'packArray', packRange)).reduce((n, p) => n + p.events.length, 0)],
    ['text packs, 4 concurrent getAll + JSON.parse', async () => {
      const wanted = ids.slice(ids.length - config.exportEpisodes);
      const cuts = [0, 1, 2, 3].map((k) => wanted[Math.floor((k * wanted.length) / 4)]!);
      const ranges = cuts.map((from, k) => (k < 3 ? IDBKeyRange.bound(from, cuts[k + 1]!, false, true) : IDBKeyRange.bound(from, high)));
      const idb = db.backendDB();
      const store = idb.transaction('packText', 'readonly').objectStore('packText');
      const parts = await Promise.all(ranges.map((range) => new Promise<Array<{ events: string }>>((resolve, reject) => {
        const request = store.getAll(range);
        request.onsuccess = () => resolve(request.result as Array<{ events: string }>);
        request.onerror = () => reject(request.error);
      })));
      return parts.flat().reduce((n, p) => n + (JSON.parse(p.events) as unknown[]).length, 0);
    }],
    ['gzip packs, bytes only', async () => (await rawGetAll<unknown>(db, 'packGzip', packRange)).length],
    ...(config.rows ? [
      ['rows, raw getAll(range)', async () => (await rawGetAll<EventRow>(db, 'events', eventRange)).length] as [string, () => Promise<number>],
      ['rows, Dexie toArray', async () => (await db.table('events').where('[episodeId+seq]').between([low, -Infinity], [high, Infinity]).toArray()).length] as [string, () => Promise<number>],
    ] : []),
  ];
  const times = new Map<string, number[]>();
  for (let round = 0; round < 5; round += 1) {
    for (const [name, task] of variants) {
      const [t, n] = await time(task);
      const list = times.get(name) ?? [];
      list.push(t);
      times.set(name, list);
      log(`${round} ${name}: ${t.toFixed(0)} ms (${n})`);
    }
  }
  for (const [name, list] of times) {
    const sorted = [...list].sort((a, b) => a - b);
    figures.push([name, `min ${sorted[0]!.toFixed(0)} ms, median ${sorted[2]!.toFixed(0)} ms`]);
  }
  const runs = async (name: string, task: () => Promise<unknown>) => {
    const times: number[] = [];
    let note = '';
    for (let i = 0; i < 3; i += 1) {
      const [t, r] = await time(task);
      times.push(t);
      note = String(r);
    }
    figures.push([name, `${times.map((t) => t.toFixed(0)).join(' / ')} ms (${note})`]);
  };
  // Formatting costs on the data in memory.
  const packs = await rawGetAll<{ events: EventRow[] }>(db, 'packArray', packRange);
  const events = packs.flatMap((p) => p.events);
  const rows = events.map((ev) => [ev.episodeId, ev.seq, ev.id, ev.type, ev.stepId, new Date(ev.at).toISOString(), Math.round(ev.at / 1000), Math.round(ev.mono), JSON.stringify(ev.data), ev.prevHash, ev.hash]);
  await runs('format: build cell rows', async () => events.map((ev) => [ev.episodeId, ev.seq, ev.id, ev.type, ev.stepId, new Date(ev.at).toISOString(), Math.round(ev.at / 1000), Math.round(ev.mono), JSON.stringify(ev.data), ev.prevHash, ev.hash]).length);
  await runs('format: Papa.unparse', async () => Papa.unparse(rows, { newline: '\r\n' }).length);
  await runs('format: JSON.stringify of all packs', async () => JSON.stringify(packs).length);
  const texts = await rawGetAll<{ events: string }>(db, 'packText', packRange);
  await runs('format: splice stored JSON text', async () => `[${texts.map((p) => p.events).join(',')}]`.length);
  db.close();
  await Dexie.delete('layout');
  return figures;
}
