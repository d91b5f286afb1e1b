// npm run bench:log — builds a 100,000-episode / 1,000,000-event log and prints
// insert rate, list first-page times (with and without filters), dashboard,
// CSV/JSON/FHIR export and chain-verify times. Runs in headless Chromium on its
// real IndexedDB; if Chromium cannot start, falls back to Node + fake-indexeddb
// at a smaller scale, and says so. Targets: first page < 100 ms, dashboard
// < 1 s, export of 10,000 episodes < 2 s.
import { machineSpeedLine } from './machine-speed.mjs';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FULL = { episodes: 100_000, batch: 2_000, verifyEpisodes: 10_000, exportEpisodes: 10_000, runnerAppends: 300 };
// BENCH_LOG_EPISODES=20000 for a quicker run while working (the published figures use the full size).
if (process.env.BENCH_LOG_EPISODES) FULL.episodes = Number(process.env.BENCH_LOG_EPISODES);
// BENCH_LOG_DATA=runner for events shaped and sized as the runner writes them (see bench-log-data.ts); compact by default.
if (process.env.BENCH_LOG_DATA) FULL.dataShape = process.env.BENCH_LOG_DATA;
const FALLBACK = { episodes: 20_000, batch: 1_000, verifyEpisodes: 2_000, exportEpisodes: 2_000, runnerAppends: 100 };
const entry = 'scripts/bench-log-browser.ts';

function print(label, figures, started, loadBefore) {
  console.log(`\nEpisode log benchmark — ${label}`);
  console.log(`  ${machine}`);
  console.log(`  Load average ${loadBefore} at start, ${loadavg()[0].toFixed(1)} at end (other work on the machine slows every figure)`);
  const width = Math.max(...figures.map(([name]) => name.length));
  for (const [name, value] of figures) console.log(`  ${name.padEnd(width)}  ${value}`);
  console.log(`  (total run ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log('\nTargets: first page < 100 ms, dashboard < 1 s, export of 10,000 episodes < 2 s.');
}

async function bundle(platform) {
  const result = await build({
    entryPoints: [entry], bundle: true, write: false, platform, format: platform === 'browser' ? 'iife' : 'esm',
    globalName: platform === 'browser' ? 'LogBench' : undefined, target: 'es2022', logLevel: 'error',
    define: { 'import.meta.env.VITE_APP_VERSION': '"bench"' },
  });
  return result.outputFiles[0].text;
}

async function inChromium(started) {
  const { chromium } = await import('playwright-core');
  const script = await bundle('browser');
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><meta charset="utf-8"><title>Log benchmark</title><script src="/bench.js"></script>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A persistent profile on disk: an incognito context keeps IndexedDB in memory, which would flatter strict durability.
  const profile = mkdtempSync(join(tmpdir(), 'bench-log-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.log(message.text()));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const version = browser.browser()?.version() ?? '';
    const figures = await page.evaluate((config) => window.LogBench.runLogBench(config, (line) => console.log(line)), FULL);
    print(`Chromium ${version}, real IndexedDB on disk (strict durability)`, figures, started, loadBefore);
  } finally {
    await browser.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function inNode(started) {
  await import('fake-indexeddb/auto');
  const dir = mkdtempSync(join(tmpdir(), 'bench-log-'));
  try {
    const file = join(dir, 'bench.mjs');
    writeFileSync(file, await bundle('node'));
    const { runLogBench } = await import(pathToFileURL(file).href);
    const figures = await runLogBench(FALLBACK, (line) => console.log(line));
    print(`FALLBACK: Node ${process.version} on fake-indexeddb (in-memory; not representative of a browser), ${FALLBACK.episodes} episodes`, figures, started, loadBefore);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = machineSpeedLine();
const started = Date.now();
const loadBefore = loadavg()[0].toFixed(1);
try {
  await inChromium(started);
} catch (error) {
  console.error(`Chromium run failed (${error.message.split('\n')[0]}); falling back to Node + fake-indexeddb.`);
  await inNode(started);
}
