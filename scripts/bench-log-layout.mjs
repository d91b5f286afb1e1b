// node scripts/bench-log-layout.mjs [episodes] [exportEpisodes] — the storage-
// layout experiment behind the event-level exports (see docs/log-export.md):
// rows against per-episode packs, in headless Chromium on real on-disk IndexedDB.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const [episodes = 20_000, exportEpisodes = 10_000, rows = 1] = process.argv.slice(2).map(Number);
const config = { episodes, exportEpisodes, batch: 1_000, rows: rows === 1 };
const loadBefore = loadavg()[0].toFixed(1);
const script = (await build({
  entryPoints: ['scripts/bench-log-layout-browser.ts'], bundle: true, write: false, platform: 'browser', format: 'iife',
  globalName: 'LayoutBench', target: 'es2022', logLevel: 'error',
})).outputFiles[0].text;
const server = createServer((request, response) => {
  const js = request.url === '/bench.js';
  response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
  response.end(js ? script : '<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { chromium } = await import('playwright-core');
const profile = mkdtempSync(join(tmpdir(), 'bench-layout-profile-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.on('console', (message) => console.log(message.text()));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const figures = await page.evaluate((c) => window.LayoutBench.runLayoutBench(c, (line) => console.log(line)), config);
  console.log(`\nLayout experiment: ${episodes} episodes, reading the last ${exportEpisodes}; load ${loadBefore} → ${loadavg()[0].toFixed(1)}`);
  for (const [name, value] of figures) console.log(`  ${name.padEnd(40)} ${value}`);
} finally {
  await browser.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
