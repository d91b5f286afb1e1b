// node scripts/bench-log-export.mjs — times the event-level exports alone, for
// working on them: the log is built once in a kept browser profile
// (BENCH_EXPORT_PROFILE, default under the temp dir) and reused by later runs.
// BENCH_LOG_EPISODES sets the log size (default 20,000; the export is always
// the latest 10,000); BENCH_EXPORT_ROUNDS the rounds (3); BENCH_EXPORT_ONLY a
// part of the names of the exports to time; BENCH_EXPORT_CPU=1 adds the page's
// busiest functions (a CPU profile of the whole timed phase); BENCH_EXPORT_THROTTLE
// slows the page's CPU that many times.
import { machineSpeedLine } from './machine-speed.mjs';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const config = { episodes: Number(process.env.BENCH_LOG_EPISODES ?? 20_000), exportEpisodes: 10_000, batch: 2_000, rounds: Number(process.env.BENCH_EXPORT_ROUNDS ?? 3), only: process.env.BENCH_EXPORT_ONLY ?? '', dataShape: process.env.BENCH_LOG_DATA ?? 'compact' };
const profileDir = process.env.BENCH_EXPORT_PROFILE ?? join(tmpdir(), `bench-log-export-profile-${config.episodes}`);
const machine = machineSpeedLine();
const loadBefore = loadavg()[0].toFixed(1);
const script = (await build({
  entryPoints: ['scripts/bench-log-export-browser.ts'], bundle: true, write: false, platform: 'browser', format: 'iife',
  globalName: 'ExportBench', target: 'es2022', logLevel: 'error', define: { 'import.meta.env.VITE_APP_VERSION': '"bench"' },
})).outputFiles[0].text;
const server = createServer((request, response) => {
  const js = request.url === '/bench.js';
  response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
  response.end(js ? script : '<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
});
// A fixed port: IndexedDB is kept per origin, and the kept profile must find the log again.
await new Promise((resolve) => server.listen(Number(process.env.BENCH_EXPORT_PORT ?? 47_613), '127.0.0.1', resolve));
const { chromium } = await import('playwright-core');
mkdirSync(profileDir, { recursive: true });
const browser = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.on('console', (message) => console.log(message.text()));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate((c) => window.ExportBench.ensureLog(c, (line) => console.log(line)), config);
  // BENCH_EXPORT_THROTTLE=2 slows the page's CPU (not the browser's IndexedDB backend) to see the margin a slower tablet leaves.
  const throttle = Number(process.env.BENCH_EXPORT_THROTTLE ?? 1);
  if (throttle > 1) await (await browser.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const cdp = process.env.BENCH_EXPORT_CPU === '1' ? await browser.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const figures = await page.evaluate((c) => window.ExportBench.runExportBench(c, (line) => console.log(line)), config);
  console.log(`\nExport benchmark: ${config.episodes} episodes stored, exporting the latest ${config.exportEpisodes}${throttle > 1 ? `, page CPU throttled ${throttle}x` : ''}; load ${loadBefore} → ${loadavg()[0].toFixed(1)}`);
  console.log(`  ${machine}`);
  for (const [name, value] of figures) console.log(`  ${name.padEnd(48)} ${value}`);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, index) => {
      const node = byId.get(id);
      const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
      self.set(name, (self.get(name) ?? 0) + (dt[index] ?? 0) / 1000);
    });
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(`\nCPU profile (self time of ${total.toFixed(0)} ms sampled, whole export phase):`);
    for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${t.toFixed(0).padStart(7)} ms  ${name}`);
  }
} finally {
  await browser.close();
  server.close();
}
