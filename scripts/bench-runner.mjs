// Point-of-care runner benchmark, in headless Chromium on the production build
// with CPU throttling: (1) time from a tap on an option to the next step
// painted, with its log record committed (the runner shows a step only after
// IndexedDB has acknowledged the write), over 200+ taps at 4x (this machine's
// target) and again at 6x (a mid-range tablet); (2) an A/B at 4x, alternated
// in the same run, of what the episode trail and the low-glare theme cost on
// that path: A = the build as shipped in the light theme, B = the same source
// built with the trail left out (light theme), C = the build as shipped in the
// dark theme (each arm from its own origin, so each log grows alike); (3) time from opening the app (offline, warm service-worker
// cache) to the Escalate list usable, and (4) to the first step of an SOP on
// screen when the first SOP is tapped the moment the list is usable.
// Targets: tap-to-next-step p95 < 50 ms at 4x; app start to usable < 1 s.
// Usage: npm run bench:runner [-- --no-build | --dist <dir>] [-- --taps 210] [-- --think 300]
//   [-- --throttle 4] [-- --tablet-throttle 6 (0: skip)] [-- --ab-rounds 2] [-- --no-ab] [-- --slowest] [-- --trace] [-- --cpu] [-- --touch]
//   [-- --vs <dir> [--vs-sops <dir>]] [-- --dark-by-switch]
// --vs <dir> makes the A/B this checkout's build (A) against a build made
// elsewhere (B, e.g. an older commit's), alternated round by round; no C.
// --dist serves a build made elsewhere as A and skips the A/B (B is built from
// this checkout). --trace: where the main thread's time went in the slowest
// taps of A at 4x (it slows every tap a little, so it runs A alone).
import { machineSpeedLine } from './machine-speed.mjs';
import { bootstrapDifference, ms, percentile, signed } from './bench-stats.mjs';
import { printTapBreakdown, startTrace } from './runner-trace.mjs';
import { walkTaps } from './bench-runner-walk.mjs';
import { withoutEpisodeTrail } from './bench-runner-without-trail.mjs';
import { bareTouchReference } from './bench-runner-bare-touch.mjs';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const TAPS = option('--taps', 210) || 210;
const STARTS = 15;
const THROTTLE = option('--throttle', 4) || 4;
const TABLET_THROTTLE = option('--tablet-throttle', 6);
const AB_ROUNDS = option('--ab-rounds', 2) || 2;
// A person reads each step before tapping; the runner uses that pause to make
// the next screens ready. --think 0 taps back to back (the worst case).
const THINK = option('--think', 300);
const TRACE = args.includes('--trace');
// --cpu: also each tap's main-thread time (Chromium's own running totals,
// read over CDP around each tap, in thread time). It leaves out the waits
// (IndexedDB, the next frame), so it moves less from run to run than the
// tap's wall time: the A/B for small changes. Under throttling it also counts
// the throttler's slowdown (it reads about 4x the unthrottled work at 4x).
const CPU = args.includes('--cpu');
// Taps with a touchscreen (CDP touch events), timed from the finger's lift, instead of a pointer-less click().
const TOUCH = args.includes('--touch');
// --dist <dir> serves a build made elsewhere (to compare two builds), and implies --no-build.
const DIST = args.includes('--dist') ? args[args.indexOf('--dist') + 1] : undefined;
const VS = args.includes('--vs') ? args[args.indexOf('--vs') + 1] : undefined;
const AB = !args.includes('--no-ab') && !DIST && !TRACE;
// --dark-by-switch: every arm's device says light (prefers-color-scheme), and
// the dark arm has chosen the dark theme with the header's switch, instead of
// its device saying dark: tells the theme's cost from the media emulation's.
const DARK_BY_SWITCH = args.includes('--dark-by-switch');

const spread = (values) => `median ${ms(percentile(values, 50))}   p95 ${ms(percentile(values, 95))}   max ${ms(Math.max(...values))}`;

/** The finding SOPs for echo in a directory of SOP documents, in file-name order. */
const sopsIn = (dir) => readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f !== 'collapse.json')
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  .filter((doc) => Array.isArray(doc.steps) && doc.modalities.includes('echo'));
// --vs-sops <dir>: the SOP files the --vs build ships (e.g. an older checkout's
// src/sops). Each arm then walks its own version of the SOPs both ship, so a
// build from before today's SOPs is compared like for like.
const VS_SOPS = args.includes('--vs-sops') ? args[args.indexOf('--vs-sops') + 1] : undefined;
const shipped = sopsIn('src/sops');
const shippedB = VS_SOPS ? sopsIn(VS_SOPS) : null;
const docs = shippedB ? shipped.filter((doc) => shippedB.some((b) => b.id === doc.id)) : shipped;
const docsB = shippedB ? docs.map((doc) => shippedB.find((b) => b.id === doc.id)) : docs;

// --- Build and serve: A (as shipped) and, for the A/B, B (the trail left out).
if (!args.includes('--no-build') && !DIST) {
  console.log('Building the production bundle…');
  await build({ logLevel: 'warn' });
}
const distB = AB && !VS ? mkdtempSync(join(tmpdir(), 'bench-runner-without-trail-')) : null;
if (distB) {
  console.log('Building B: the same source with the episode trail left out…');
  await build({ logLevel: 'error', build: { outDir: distB, emptyOutDir: true }, plugins: [withoutEpisodeTrail()] });
}
const serve = (outDir) => preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn', ...(outDir ? { build: { outDir } } : {}) });
// C runs A's build from an origin of its own, so each arm's log (IndexedDB) grows alike.
const servers = [await serve(DIST), ...(VS && AB ? [await serve(VS)] : distB ? [await serve(distB), await serve(DIST)] : [])];
const [baseA, baseB, baseC] = servers.map((server) => server.resolvedUrls.local[0].replace(/\/$/, ''));

const ARMS = {
  // A build made elsewhere (--dist, --vs) may be one from before the trail: not checked.
  A: { name: 'A', label: 'as shipped, light theme', base: baseA, scheme: 'light', trail: DIST ? null : true, docs },
  B: VS
    ? { name: 'B', label: `the build in ${VS}, light theme`, base: baseB, scheme: 'light', trail: null, docs: docsB }
    : { name: 'B', label: 'trail left out, light theme', base: baseB, scheme: 'light', trail: false, docs },
  C: { name: 'C', label: 'as shipped, low-glare dark theme', base: baseC, scheme: 'dark', trail: true, docs },
};

// A persistent profile on disk, as on a tablet: an incognito context keeps
// IndexedDB in memory, which would flatter every strict-durability commit.
// Timed before the browser starts, so the figures below can be set against this machine's speed.
const machine = machineSpeedLine();
const profile = mkdtempSync(join(tmpdir(), 'bench-runner-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 768, height: 1024 },
  hasTouch: TOUCH,
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
// With --cpu, the idle work a tap queues (the next screens made ready) is held
// until the tap's main-thread time has been read, so it is not counted in the tap: the
// bench holds it (`__idleHold.holding = true`) before a tap and lets it go after.
if (CPU) {
  await context.addInitScript(() => {
    const request = window.requestIdleCallback.bind(window);
    const cancel = window.cancelIdleCallback.bind(window);
    const held = new Map();
    const real = new Map();
    let next = 1;
    window.__idleHold = {
      holding: false,
      release() {
        this.holding = false;
        for (const [id, [callback, options]] of held) real.set(id, request(callback, options));
        held.clear();
      },
    };
    window.requestIdleCallback = (callback, options) => {
      const id = next++;
      if (window.__idleHold.holding) held.set(id, [callback, options]);
      else real.set(id, request(callback, options));
      return id;
    };
    window.cancelIdleCallback = (id) => {
      held.delete(id);
      if (real.has(id)) cancel(real.get(id));
      real.delete(id);
    };
  });
}
const page = context.pages()[0] ?? (await context.newPage());
const cdp = await context.newCDPSession(page);
const throttle = (rate) => cdp.send('Emulation.setCPUThrottlingRate', { rate });
const MAIN_THREAD_METRICS = { TaskDuration: 'all work', ScriptDuration: 'script', RecalcStyleDuration: 'style', LayoutDuration: 'layout' };
if (CPU) await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
// Chromium's totals, in seconds of the renderer main thread's thread time; returned in ms.
const mainThread = CPU
  ? {
      read: async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.filter((m) => m.name in MAIN_THREAD_METRICS).map((m) => [m.name, m.value * 1000])),
      hold: () => page.evaluate(() => { window.__idleHold.holding = true; }),
      release: () => page.evaluate(() => window.__idleHold.release()),
    }
  : null;

/**
 * Opens an arm's app at the Escalate list (unthrottled), checks its theme,
 * throttles, and walks one untimed episode (the last SOP) so no arm's timed
 * taps include a freshly loaded page's first run through the step code.
 */
async function open(arm, rate) {
  await throttle(1);
  await page.emulateMedia({ colorScheme: DARK_BY_SWITCH ? 'light' : arm.scheme });
  await page.goto(`${arm.base}/escalate`);
  if (DARK_BY_SWITCH) {
    // The choice the header's switch keeps (app/theme/themeChoice.ts), in this arm's origin; read before the first paint.
    const shown = await page.evaluate((theme) => {
      if (theme === 'dark') localStorage.setItem('escalation-assistant.theme', theme);
      else localStorage.removeItem('escalation-assistant.theme');
      return document.documentElement.dataset.theme;
    }, arm.scheme);
    if (shown !== arm.scheme) await page.reload();
  }
  await page.waitForSelector('.runner-sop:not([disabled])');
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  // A build from before the themes (--dist, --vs) has none to check.
  if (theme !== arm.scheme && !(arm.trail === null && theme === undefined)) throw new Error(`${arm.name}: the page is in the ${theme} theme, not ${arm.scheme}`);
  await throttle(rate);
  await walkTaps(page, arm.docs, { count: 1, think: THINK, firstEpisode: docs.length - 1 });
}

/** Episodes on the arm's app; each checks the trail is on screen (or not) as the arm says. */
async function walk(arm, count, firstEpisode) {
  const check = async () => {
    if (arm.trail === null) return;
    const shown = await page.evaluate(() => document.querySelector('.runner-trail') !== null);
    if (shown !== arm.trail) throw new Error(`${arm.name}: the episode trail is ${shown ? '' : 'not '}on screen`);
  };
  const result = await walkTaps(page, arm.docs, { count, think: THINK, firstEpisode, check, mainThread, touch: TOUCH });
  const writes = await page.evaluate(() => performance.getEntriesByName('runner:log-write').map((entry) => entry.duration));
  return { ...result, writes };
}

const pooled = (runs, key) => runs.flatMap((run) => run[key]);

try {
  // Each app once online: its service worker installs and the tablet is set to echo.
  for (const base of [baseA, baseB, baseC].filter(Boolean)) {
    await page.goto(`${base}/escalate`);
    await page.evaluate(async () => navigator.serviceWorker.ready);
    await page.getByRole('button', { name: 'Echo' }).click();
    await page.waitForSelector('.runner-sop');
  }
  await context.setOffline(true);

  // --- App start, offline, warm cache (A).
  await open(ARMS.A, THROTTLE);
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

  // --- Tap to next step painted (and logged) at 4x: A alone, or A, B and C
  // alternated round by round (A B C, then C B A, …) over the same SOPs.
  const rounds = TRACE ? 1 : AB_ROUNDS;
  const perRound = Math.ceil(TAPS / rounds);
  const byArm = { A: [], B: [], C: [] };
  let trace = null;
  let firstEpisode = 0;
  for (let round = 0; round < rounds; round += 1) {
    const arms = VS ? ['A', 'B'] : ['A', 'B', 'C'];
    const order = AB ? (round % 2 === 0 ? arms : [...arms].reverse()) : ['A'];
    let walked = 0;
    for (const name of order) {
      await open(ARMS[name], THROTTLE);
      // Traced from here, so the trace's tap marks are the timed taps' only.
      if (TRACE) trace = await startTrace(cdp);
      const run = await walk(ARMS[name], perRound, firstEpisode);
      byArm[name].push(run);
      walked = run.episodes;
    }
    firstEpisode += walked;
  }
  const traceEvents = trace ? await trace.stop() : null;

  // --- With --touch: the same finger tap on a bare page, for the browser's own share.
  const bare = TOUCH ? await bareTouchReference(context, THROTTLE, 40) : null;

  // --- The same taps at the tablet's throttling (A).
  const tablet = !TRACE && TABLET_THROTTLE > 0 ? (await open(ARMS.A, TABLET_THROTTLE), await walk(ARMS.A, TAPS, 0)) : null;

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

  const mainTaps = pooled(byArm.A, 'taps');
  const episodes = byArm.A.reduce((total, run) => total + run.episodes, 0);
  console.log(`\nRunner benchmark — production build${DIST ? ` (${DIST})` : ''}, headless Chromium (on-disk profile), offline`);
  console.log(machine);
  console.log(`Tap on an option → next step painted with its log record committed (${docs.length} SOPs; ${THINK} ms reading time before each tap; ${TOUCH ? 'a touchscreen tap, timed from the finger\'s lift' : 'a pointer-less click()'})`);
  console.log(`  ${THROTTLE}x CPU throttling, A (${ARMS.A.label}): ${mainTaps.length} taps over ${episodes} episodes`);
  console.log(`    ${spread(mainTaps)}   (target p95 < 50 ms)`);
  // Before 7 Dec the tap was timed to the first plain task after the frame, which ran after the app's own work queued for after the paint.
  console.log(`    to the end of the app's work just after the paint (focus; how taps were timed before 7 Dec): ${spread(pooled(byArm.A, 'throughAfterPaint'))}`);
  // Taps grouped as each run grouped them (by step kind, by what they arrive at, by whether the screen was ready, by how it was revealed, by whether a clock ticked during it), over A's runs.
  const groupsOf = (runs, key) => {
    const groups = {};
    for (const run of runs) for (const [name, values] of Object.entries(run[key] ?? {})) (groups[name] ??= []).push(...values);
    return groups;
  };
  for (const [kind, values] of Object.entries(groupsOf(byArm.A, 'byKind'))) {
    console.log(`      leaving a ${kind} step: median ${ms(percentile(values, 50))}   p95 ${ms(percentile(values, 95))}   (${values.length} taps)`);
  }
  for (const key of ['byArrival', 'byReadiness', 'byReveal', 'byClock']) {
    for (const [group, values] of Object.entries(groupsOf(byArm.A, key)).sort()) {
      console.log(`      ${group}: median ${ms(percentile(values, 50))}   p95 ${ms(percentile(values, 95))}   (${values.length} taps)`);
    }
  }
  const phaseNames = { toPage: 'finger lifted → the touch reaches the page (its first pointer event)', toClick: 'finger lifted → the click event (a touchscreen tap: the browser\'s touch-to-click path)', toWrite: 'tap → log write starts', write: 'the log write', toDom: 'write done → next step in the DOM', toPaint: 'in the DOM → painted', afterPaint: 'then, not in the tap: the app\'s work just after the paint (focus to the heading)' };
  for (const [key, label] of Object.entries(phaseNames)) {
    const values = byArm.A.flatMap((run) => run.phases[key] ?? []);
    if (values.length > 0) console.log(`      phase, ${label}: median ${ms(percentile(values, 50))}   p95 ${ms(percentile(values, 95))}`);
  }
  if (bare) {
    console.log(`    the browser's own share: the same finger tap on a bare page with one button, same browser, ${THROTTLE}x (${bare.toClick.length} taps):`);
    console.log(`      the touch reaches the page median ${ms(percentile(bare.toPage, 50))}   p95 ${ms(percentile(bare.toPage, 95))};  the click event median ${ms(percentile(bare.toClick, 50))}   p95 ${ms(percentile(bare.toClick, 95))}`);
    console.log('      (a touch injected over the DevTools protocol waits for a frame the renderer draws first, which a real finger does not; it costs more on a larger page)');
  }
  const busyOf = (runs, metric) => runs.flatMap((run) => run.busy[metric] ?? []);
  const busyLine = (runs) => Object.entries(MAIN_THREAD_METRICS).map(([metric, label]) => `${label} ${ms(percentile(busyOf(runs, metric), 50))} / ${ms(percentile(busyOf(runs, metric), 95))}`).join(';  ');
  if (CPU) console.log(`    main-thread time per tap (thread time, click to the app's work after the paint; at ${THROTTLE}x it counts the throttling too), median / p95: ${busyLine(byArm.A)}`);
  const writes = pooled(byArm.A, 'writes');
  console.log(`    of which the log write (IndexedDB, relaxed commit; a strict checkpoint follows at the pause): median ${ms(percentile(writes, 50))}   p95 ${ms(percentile(writes, 95))} (${writes.length} writes)`);
  if (args.includes('--slowest')) {
    // The first tap of an episode also takes down the scan-type check under the step.
    const all = pooled(byArm.A, 'slowest');
    for (const [position, tapsThere] of [['the first tap of an episode', all.filter((tap) => tap.index === 0)], ['later taps', all.filter((tap) => tap.index > 0)]]) {
      const values = tapsThere.map((tap) => tap.elapsed);
      console.log(`      ${position}: median ${ms(percentile(values, 50))}   p95 ${ms(percentile(values, 95))}   (${values.length} taps)`);
    }
    for (const tap of [...all].sort((a, b) => b.elapsed - a.elapsed).slice(0, 15)) console.log(`      ${ms(tap.elapsed)}  leaving step ${tap.index + 1}, ${tap.from}${tap.phases ? `: ${Object.entries(tap.phases).map(([key, value]) => `${key} ${value.toFixed(1)}`).join(', ')}` : ''}`);
  }
  if (traceEvents) printTapBreakdown(traceEvents, pooled(byArm.A, 'slowest'));
  if (tablet) {
    console.log(`  ${TABLET_THROTTLE}x CPU throttling (a mid-range tablet), A: ${tablet.taps.length} taps over ${tablet.episodes} episodes`);
    console.log(`    ${spread(tablet.taps)}   (its own figure; the p95 < 50 ms target is for ${THROTTLE}x)`);
  }
  if (AB) {
    console.log(`A/B at ${THROTTLE}x, alternated in this run (rounds ${VS ? 'A B, B A' : 'A B C, C B A'}, …; the same SOPs in each arm of a round)`);
    for (const name of VS ? ['A', 'B'] : ['A', 'B', 'C']) {
      const rows = byArm[name].map((run, round) => `round ${round + 1} ${ms(percentile(run.taps, 50))} / ${ms(percentile(run.taps, 95))}`);
      const all = pooled(byArm[name], 'taps');
      console.log(`  ${name} ${ARMS[name].label.padEnd(34)} median / p95: ${rows.join(';  ')};  all ${all.length} taps ${ms(percentile(all, 50))} / ${ms(percentile(all, 95))}`);
      // The phases move less from run to run than the whole tap, so they show where an arm gains.
      const phases = Object.keys(phaseNames).map((key) => {
        const values = byArm[name].flatMap((run) => run.phases[key] ?? []);
        return values.length > 0 ? `${phaseNames[key]} ${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}` : null;
      }).filter(Boolean);
      if (phases.length > 0) console.log(`    phases, median / p95: ${phases.join(';  ')}`);
      if (CPU) console.log(`    main-thread time per tap, median / p95: ${busyLine(byArm[name])}`);
      const arrivals = ['arriving at the outcome', 'arriving at another step'].map((kind) => {
        const values = byArm[name].flatMap((run) => run.byArrival?.[kind] ?? []);
        return values.length > 0 ? `${kind} ${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} (${values.length} taps)` : null;
      }).filter(Boolean);
      if (arrivals.length > 0) console.log(`    taps, median / p95: ${arrivals.join(';  ')}`);
      const reveals = Object.entries(groupsOf(byArm[name], 'byReveal')).sort().map(([group, values]) => `${group} ${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} (${values.length} taps)`);
      if (reveals.length > 0) console.log(`    taps, median / p95: ${reveals.join(';  ')}`);
      const clocks = Object.entries(groupsOf(byArm[name], 'byClock')).sort().map(([group, values]) => `${group} ${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} (${values.length} taps)`);
      if (clocks.length > 0) console.log(`    taps, median / p95: ${clocks.join(';  ')}`);
      const outcomePhases = Object.keys(phaseNames).map((key) => {
        const values = byArm[name].flatMap((run) => run.phasesByArrival?.['arriving at the outcome']?.[key] ?? []);
        return values.length > 0 ? `${phaseNames[key]} ${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}` : null;
      }).filter(Boolean);
      if (outcomePhases.length > 0) console.log(`    phases of the taps arriving at the outcome, median / p95: ${outcomePhases.join(';  ')}`);
    }
    // How far each difference could be chance: a bootstrap over the values of both arms.
    const differenceOf = (a, b) => [50, 95].map((p) => {
      const [low, high] = bootstrapDifference(a, b, p);
      return `${p === 50 ? 'median' : 'p95'} ${signed(percentile(a, p) - percentile(b, p))} (95 % interval ${signed(low)} to ${signed(high)})`;
    }).join(', ');
    const difference = (x, y) => differenceOf(pooled(byArm[x], 'taps'), pooled(byArm[y], 'taps'));
    // Each round walks its own SOPs (both arms the same ones), so rounds differ for that reason too:
    // the per-round differences show whether an arm leads round after round or only on the pooled taps.
    const roundByRound = (x, y) => byArm[x].map((run, round) => byArm[y][round] ? `${signed(percentile(run.taps, 50) - percentile(byArm[y][round].taps, 50))} / ${signed(percentile(run.taps, 95) - percentile(byArm[y][round].taps, 95))}` : null).filter(Boolean).join(';  ');
    const cpuDifference = (x, y) => `main-thread time per tap: ${differenceOf(busyOf(byArm[x], 'TaskDuration'), busyOf(byArm[y], 'TaskDuration'))}`;
    if (VS) {
      console.log(`  this checkout against ${VS} (A − B): ${difference('A', 'B')}`);
      if (CPU) console.log(`    ${cpuDifference('A', 'B')}`);
      console.log(`    round by round, median / p95: ${roundByRound('A', 'B')}`);
    } else {
      console.log(`  the trail (A − B): ${difference('A', 'B')}`);
      if (CPU) console.log(`    ${cpuDifference('A', 'B')}`);
      console.log(`    round by round, median / p95: ${roundByRound('A', 'B')}`);
      console.log(`  the dark theme (C − A): ${difference('C', 'A')}`);
      if (CPU) console.log(`    ${cpuDifference('C', 'A')}`);
      console.log(`    round by round, median / p95: ${roundByRound('C', 'A')}`);
    }
    if (byArm.A.length > 1) {
      const [first, second] = byArm.A.map((run) => run.taps);
      console.log(`  noise, A against itself (round 2 − round 1): median ${signed(percentile(second, 50) - percentile(first, 50))}, p95 ${signed(percentile(second, 95) - percentile(first, 95))}`);
    }
  }
  console.log(`App start (offline, warm cache) → Escalate list usable, ${THROTTLE}x (${starts.length} reloads)`);
  console.log(`  ${spread(starts)}   (target < 1000 ms)`);
  console.log(`App start (offline, warm cache) → first step of an SOP on screen, tapped the moment the list is usable (${firstSteps.length} reloads)`);
  console.log(`  ${spread(firstSteps)}`);
  console.log(`Events in A's log after the run: ${logged}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  if (distB) rmSync(distB, { recursive: true, force: true });
  for (const server of servers) await server.close();
}
