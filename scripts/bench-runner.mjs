// Point-of-care runner benchmark, in headless Chromium on the production build
// with 4x CPU throttling: (1) time from a tap on an option to the next step
// painted, with its log record committed (the runner shows a step only after
// IndexedDB has acknowledged the write), over 200+ taps; (2) time from opening
// the app (offline, warm service-worker cache) to the Escalate list usable,
// and (3) to the first step of an SOP on screen when the first SOP is tapped
// the moment the list is usable: the list draws before the escalation runtime
// has loaded, so this shows the first real action is not made to wait.
// Targets: tap-to-next-step p95 < 50 ms; app start to usable < 1 s.
// Usage: npm run bench:runner [-- --no-build | --dist <dir>] [-- --taps 240] [-- --think 0] [-- --slowest] [-- --trace]
// (--trace: where the main thread's time went in the slowest taps; it slows every tap a little)
import { machineSpeedLine } from './machine-speed.mjs';
import { printTapBreakdown, startTrace } from './runner-trace.mjs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const TAPS = Number(args[args.indexOf('--taps') + 1]) || 210;
const STARTS = 15;
const THROTTLE = Number(args[args.indexOf('--throttle') + 1]) || 4;
// A person reads each step before tapping; the runner uses that pause to make
// the next screens ready. --think 0 taps back to back (the worst case).
const THINK = args.includes('--think') ? Number(args[args.indexOf('--think') + 1]) : 300;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;

// --- The path each episode is walked down: the shortest way to an emergency
// outcome that ends waits early (never waits them out), for echo.
function successors(step) {
  switch (step.kind) {
    case 'question': return step.options.map((o) => ({ via: o.id, label: o.label, target: o.next }));
    case 'contact': return step.outcomes.map((o) => ({ via: o.id, label: o.label, target: o.next }));
    case 'wait': return step.endEarly.map((o) => ({ via: o.id, label: o.label, target: o.next }));
    case 'actions': return [{ via: null, label: 'Continue', target: step.next }];
    case 'modality': return step.routes.echo ? [{ via: 'echo', label: null, target: step.routes.echo }] : [];
    default: return [];
  }
}

function urgentPath(doc) {
  const byId = new Map(doc.steps.map((s) => [s.id, s]));
  const queue = [[doc.start]];
  const seen = new Set([doc.start]);
  while (queue.length > 0) {
    const path = queue.shift();
    const step = byId.get(path.at(-1));
    if (step.kind === 'outcome' && step.urgency === 'emergency') {
      return path.map((id, i) => {
        const s = byId.get(id);
        const next = path[i + 1];
        return { title: s.title, kind: s.kind, label: next ? successors(s).find((x) => x.target === next)?.label : null };
      });
    }
    for (const next of successors(step)) {
      if (!seen.has(next.target)) {
        seen.add(next.target);
        queue.push([...path, next.target]);
      }
    }
  }
  throw new Error(`${doc.id}: no emergency path`);
}

const sopDir = 'src/sops';
const docs = readdirSync(sopDir)
  .filter((f) => f.endsWith('.json') && f !== 'collapse.json')
  .map((f) => JSON.parse(readFileSync(join(sopDir, f), 'utf8')))
  .filter((doc) => doc.modalities.includes('echo'));

// --- Build and serve.
// --dist <dir> serves a build made elsewhere (to compare two builds), and implies --no-build.
const DIST = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : undefined;
if (!args.includes('--no-build') && !DIST) {
  console.log('Building the production bundle…');
  await build({ logLevel: 'warn' });
}
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn', ...(DIST ? { build: { outDir: DIST } } : {}) });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');

// A persistent profile on disk, as on a tablet: an incognito context keeps
// IndexedDB in memory, which would flatter every strict-durability commit.
// Timed before the browser starts, so the figures below can be set against this machine's speed.
const machine = machineSpeedLine();
const profile = mkdtempSync(join(tmpdir(), 'bench-runner-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 768, height: 1024 },
  serviceWorkers: 'allow',
});
// Records when the Escalate list first becomes usable, from navigation start.
await context.addInitScript(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('.runner-sop:not([disabled])')) {
      window.__listUsableAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
});
const page = context.pages()[0] ?? (await context.newPage());
const cdp = await context.newCDPSession(page);

try {
  await page.goto(`${base}/escalate`);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await page.getByRole('button', { name: 'Echo' }).click();
  await page.waitForSelector('.runner-sop');
  await context.setOffline(true);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

  // --- App start, offline, warm cache.
  const starts = [];
  const firstSteps = [];
  for (let i = 0; i < STARTS; i += 1) {
    await page.reload();
    await page.waitForFunction(() => typeof window.__listUsableAt === 'number', null, { timeout: 30_000 });
    starts.push(await page.evaluate(() => window.__listUsableAt));
    // Every other reload: tap the first SOP at once and time its first step; then abandon it (untimed).
    if (i % 2 === 1) {
      firstSteps.push(await page.evaluate(() => new Promise((resolve) => {
        document.querySelector('.runner-sop:not([disabled])').click();
        const observer = new MutationObserver(() => {
          if (document.querySelector('.runner-step__title')) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      })));
      await page.getByRole('button', { name: 'Abandon…' }).click();
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Abandon escalation' }).click();
      await page.waitForSelector('.runner-sop');
    }
  }

  // --- Tap to next step painted (and logged).
  const taps = [];
  const byKind = {};
  const slowest = [];
  let episodes = 0;
  const trace = args.includes('--trace') ? await startTrace(cdp) : null;
  while (taps.length < TAPS) {
    const doc = docs[episodes % docs.length];
    episodes += 1;
    const path = urgentPath(doc).filter((s) => s.kind !== 'modality');
    await page.getByRole('button', { name: new RegExp(`^${(doc.shortTitle ?? doc.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    await page.waitForFunction((title) => [...document.querySelectorAll('main h1')].some((h) => !h.closest('[inert]') && h.textContent === title), path[0].title);
    // Playwright's click left the mouse pointer over the page. A tablet has no
    // hovering pointer (and the taps below are pointer-less clicks), so park it
    // in the corner rather than have every new step re-run hover events under it.
    await page.mouse.move(0, 0);
    for (const step of path) {
      if (step.kind === 'outcome') break;
      if (THINK > 0) await page.waitForTimeout(THINK);
      const result = await page.evaluate(async ({ label, kind }) => {
        // The step on show: screens made ready for the next tap sit out of sight in [inert] slots.
        const onShow = (selector) => [...document.querySelectorAll(selector)].filter((element) => !element.closest('[inert]'));
        const heading = () => onShow('main h1')[0]?.textContent ?? '';
        const buttons = onShow('main button');
        const button = kind === 'actions'
          ? buttons.find((b) => b.textContent === 'Continue')
          // An option's accessible name is its visible label first (the urgency is its description).
          : buttons.find((b) => (b.querySelector('.runner-choice__label')?.textContent ?? b.getAttribute('aria-label')) === label);
        if (!button) throw new Error(`No button "${label}" on "${heading()}"`);
        const before = heading();
        const changed = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (heading() !== before) {
              observer.disconnect();
              // The frame with the new step is painted once the next task after its rAF runs.
              requestAnimationFrame(() => setTimeout(resolve, 0));
            }
          });
          observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true, attributes: true });
        });
        const ready = document.querySelectorAll('main [inert] h1').length;
        performance.mark('tap-start');
        const t0 = performance.now();
        button.click();
        await changed;
        performance.mark('tap-end');
        return { elapsed: performance.now() - t0, ready };
      }, step);
      const { elapsed, ready } = result;
      taps.push(elapsed);
      slowest.push({ elapsed, from: `${doc.id}: ${step.title} (${ready} screens ready)`, index: path.indexOf(step) });
      byKind[step.kind] = [...(byKind[step.kind] ?? []), elapsed];
    }
    await page.getByRole('button', { name: 'Finish and save' }).click();
    await page.waitForSelector('.runner-sop');
  }

  const traceEvents = trace ? await trace.stop() : null;
  const writes = await page.evaluate(() => performance.getEntriesByName('runner:log-write').map((entry) => entry.duration));
  const logged = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('cdc-episode-log');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise((resolve) => {
      const request = db.transaction('events').objectStore('events').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  });

  console.log(`\nRunner benchmark — production build, headless Chromium (on-disk profile), ${THROTTLE}x CPU throttling, offline`);
  console.log(machine);
  console.log(`Tap on an option → next step painted with its log record committed (${taps.length} taps over ${episodes} episodes, ${docs.length} SOPs; ${THINK} ms reading time before each tap)`);
  console.log(`  median ${ms(percentile(taps, 50))}   p95 ${ms(percentile(taps, 95))}   max ${ms(Math.max(...taps))}   (target p95 < 50 ms)`);
  for (const [kind, values] of Object.entries(byKind)) {
    console.log(`    leaving a ${kind} step: median ${ms(percentile(values, 50))}   p95 ${ms(percentile(values, 95))}   (${values.length} taps)`);
  }
  if (args.includes('--slowest')) {
    for (const tap of [...slowest].sort((a, b) => b.elapsed - a.elapsed).slice(0, 15)) console.log(`      ${ms(tap.elapsed)}  leaving step ${tap.index + 1}, ${tap.from}`);
  }
  if (traceEvents) printTapBreakdown(traceEvents, slowest);
  console.log(`  of which the log write (IndexedDB, strict durability): median ${ms(percentile(writes, 50))}   p95 ${ms(percentile(writes, 95))} (${writes.length} writes since the last reload)`);
  console.log(`App start (offline, warm cache) → Escalate list usable (${starts.length} reloads)`);
  console.log(`  median ${ms(percentile(starts, 50))}   p95 ${ms(percentile(starts, 95))}   max ${ms(Math.max(...starts))}   (target < 1000 ms)`);
  console.log(`App start (offline, warm cache) → first step of an SOP on screen, tapped the moment the list is usable (${firstSteps.length} reloads)`);
  console.log(`  median ${ms(percentile(firstSteps, 50))}   p95 ${ms(percentile(firstSteps, 95))}   max ${ms(Math.max(...firstSteps))}`);
  console.log(`Events in the log after the run: ${logged}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}
