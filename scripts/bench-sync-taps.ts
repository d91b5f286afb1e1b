// Does sync slow a tap? bench:runner's tap measurement (tap → next step painted
// with its log record committed, 4x CPU throttling, production build) on two
// tablets in one run, episodes alternated A/B: A enrolled on a real CouchDB
// with sync running (its outbox filled after each episode and pushed, its
// library followed live while an author publishes a directory update every
// 2 s), B not on a network. Prints both distributions; the difference should
// be within noise. Needs CouchDB (COUCHDB_URL or ../shared/couchdb).
// Usage: npm run bench:sync-taps [-- --no-build] [-- --episodes 16] [-- --think 300]
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startCouch } from './network/couchServer';
import { addPerson, enrolDevice, provision } from './network/provision';
// @ts-expect-error: a plain .mjs helper shared with the node benchmarks (no declaration file)
import { machineSpeedLine } from './machine-speed.mjs';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const EPISODES = option('--episodes', 16);
const THINK = option('--think', 300);
const THROTTLE = 4;

interface Step { title: string; kind: string; label: string | null }
type Doc = { id: string; title: string; shortTitle?: string; start: string; modalities: string[]; steps: Array<Record<string, any>> };

function successors(step: Record<string, any>): Array<{ label: string | null; target: string }> {
  switch (step.kind) {
    case 'question': return step.options.map((o: any) => ({ label: o.label, target: o.next }));
    case 'contact': return step.outcomes.map((o: any) => ({ label: o.label, target: o.next }));
    case 'wait': return step.endEarly.map((o: any) => ({ label: o.label, target: o.next }));
    case 'actions': return [{ label: 'Continue', target: step.next }];
    case 'modality': return step.routes.echo ? [{ label: null, target: step.routes.echo }] : [];
    default: return [];
  }
}

function urgentPath(doc: Doc): Step[] {
  const byId = new Map(doc.steps.map((s) => [s.id as string, s]));
  const queue = [[doc.start]];
  const seen = new Set([doc.start]);
  while (queue.length > 0) {
    const path = queue.shift()!;
    const step = byId.get(path.at(-1)!)!;
    if (step.kind === 'outcome' && step.urgency === 'emergency') {
      return path.map((id, i) => {
        const s = byId.get(id)!;
        return { title: s.title, kind: s.kind, label: path[i + 1] ? successors(s).find((x) => x.target === path[i + 1])?.label ?? null : null };
      });
    }
    for (const next of successors(step)) if (!seen.has(next.target)) { seen.add(next.target); queue.push([...path, next.target]); }
  }
  throw new Error(`${doc.id}: no emergency path`);
}

const docs: Doc[] = readdirSync('src/sops').filter((f) => f.endsWith('.json') && f !== 'collapse.json')
  .map((f) => JSON.parse(readFileSync(join('src/sops', f), 'utf8')) as Doc).filter((doc) => doc.modalities.includes('echo'));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function tablet(base: string): Promise<{ context: BrowserContext; page: Page; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'bench-sync-taps-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 768, height: 1024 },
    serviceWorkers: 'allow',
  });
  // tsx keeps function names with a helper the page does not have: give the page a no-op one.
  await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${base}/escalate`);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  return { context, page, profile };
}

/** One episode down its most urgent path; returns each tap's time (the same measurement as bench:runner). */
async function episode(page: Page, doc: Doc): Promise<number[]> {
  const path = urgentPath(doc).filter((s) => s.kind !== 'modality');
  await page.getByRole('button', { name: new RegExp(`^${(doc.shortTitle ?? doc.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click();
  await page.waitForFunction((title) => [...document.querySelectorAll('main h1')].some((h) => !h.closest('[inert]') && h.textContent === title), path[0]!.title);
  await page.mouse.move(0, 0);
  const taps: number[] = [];
  for (const step of path) {
    if (step.kind === 'outcome') break;
    if (THINK > 0) await page.waitForTimeout(THINK);
    taps.push(await page.evaluate(async ({ label, kind }) => {
      const onShow = (selector: string) => [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => !element.closest('[inert]'));
      const heading = () => onShow('main h1')[0]?.textContent ?? '';
      const buttons = onShow('main button');
      // The button's name as a screen reader reads it: its text without the parts hidden from it (the key number, the tag).
      const spoken = (node: Node): string => [...node.childNodes].map((child) => (child.nodeType === Node.TEXT_NODE ? child.textContent ?? ''
        : child instanceof HTMLElement && (child.hidden || child.getAttribute('aria-hidden') === 'true') ? '' : spoken(child))).join('');
      const button = kind === 'actions' ? buttons.find((b) => b.textContent === 'Continue') : buttons.find((b) => {
        const name = b.getAttribute('aria-label') ?? spoken(b).trim();
        return name === label || name.startsWith(`${label}, `);
      });
      if (!button) throw new Error(`No button "${label}" on "${heading()}"`);
      const before = heading();
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (heading() !== before) { observer.disconnect(); requestAnimationFrame(() => setTimeout(resolve, 0)); }
        });
        observer.observe(document.querySelector('main')!, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      button.click();
      await changed;
      return performance.now() - t0;
    }, step));
  }
  await page.getByRole('button', { name: 'Finish and save' }).click();
  await page.waitForSelector('.runner-sop');
  return taps;
}

if (!args.includes('--no-build')) {
  console.log('Building the production bundle…');
  await build({ logLevel: 'warn' });
}
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const couch = await startCouch();
const machine = machineSpeedLine();
const tablets: Array<Awaited<ReturnType<typeof tablet>>> = [];
let publishing: NodeJS.Timeout | undefined;
try {
  await provision(couch.url, { sites: [{ siteId: 'bench-cdc', name: 'Bench CDC' }], origins: [new URL(base).origin] });
  await addPerson(couch.url, 'bench-author', 'author', 'bench-author-password');
  const { code } = await enrolDevice(couch.url, 'bench-cdc');
  const withSync = await tablet(base);
  const without = await tablet(base);
  tablets.push(withSync, without);
  // Tablet A enrols through Settings → Network, as a user would.
  await withSync.page.goto(`${base}/settings`);
  await withSync.page.getByRole('textbox', { name: /^Enrolment code/ }).fill(code);
  await withSync.page.getByRole('button', { name: 'Enrol this tablet' }).click();
  await withSync.page.getByText(/This tablet is enrolled for site/).waitFor({ timeout: 30_000 });
  for (const { page } of tablets) {
    await page.goto(`${base}/escalate`);
    await page.getByRole('button', { name: 'Echo' }).click().catch(() => undefined);
    await page.waitForSelector('.runner-sop');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  // Library traffic while tablet A taps: an author updates the site's directory every 2 s.
  let version = 0;
  const authorAuth = `Basic ${Buffer.from('bench-author:bench-author-password').toString('base64')}`;
  const publishDirectory = async () => {
    version += 1;
    const url = `${couch.publicBase}/cdc-library-bench-cdc/directory`;
    const current = await fetch(url, { headers: { Authorization: authorAuth } }).then((r) => (r.ok ? r.json() as Promise<{ _rev: string }> : null));
    await fetch(url, {
      method: 'PUT', headers: { Authorization: authorAuth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...(current ? { _rev: current._rev } : {}), type: 'directory', publishedAt: Date.now(), file: { format: 'cdc-directory/1', entries: [{ roleId: 'cardiology-registrar', name: `On-call registrar (update ${version})`, phone: '0113 000 0000' }] } }),
    });
  };
  publishing = setInterval(() => void publishDirectory().catch(() => undefined), 2_000);

  const tapsWith: number[] = [];
  const tapsWithout: number[] = [];
  for (let i = 0; i < EPISODES; i += 1) {
    const doc = docs[i % docs.length]!;
    // Alternated, and each pair started by the other tablet in turn, so drift in the machine's load falls on both.
    const order = i % 2 === 0 ? [[withSync, tapsWith], [without, tapsWithout]] as const : [[without, tapsWithout], [withSync, tapsWith]] as const;
    for (const [t, into] of order) into.push(...(await episode(t.page, doc)));
  }
  clearInterval(publishing);
  const server = await fetch(`${couch.publicBase}/cdc-log-bench-cdc`, { headers: { Authorization: `Basic ${Buffer.from(`${decodeURIComponent(new URL(couch.url).username)}:${decodeURIComponent(new URL(couch.url).password)}`).toString('base64')}` } }).then((r) => r.json() as Promise<{ doc_count: number }>);
  const header = await withSync.page.getByRole('banner').getByRole('link', { name: /Network sync:/ }).textContent();

  console.log(`\nTap p95 with sync running beside without — production build, headless Chromium (on-disk profiles), ${THROTTLE}x CPU throttling, ${THINK} ms reading time, episodes alternated A/B`);
  console.log(machine);
  console.log(`  A, sync running (push after each episode, live library pull, directory republished every 2 s; ${version} publishes): ${tapsWith.length} taps  median ${ms(percentile(tapsWith, 50))}  p95 ${ms(percentile(tapsWith, 95))}  max ${ms(Math.max(...tapsWith))}`);
  console.log(`  B, no network:                                                                                    ${tapsWithout.length} taps  median ${ms(percentile(tapsWithout, 50))}  p95 ${ms(percentile(tapsWithout, 95))}  max ${ms(Math.max(...tapsWithout))}`);
  console.log(`  p95 difference A − B: ${ms(percentile(tapsWith, 95) - percentile(tapsWithout, 95))}; documents on the server from A: ${server.doc_count - 1}; A's header at the end: "${header?.replace('Network sync: ', '')}"`);
} finally {
  if (publishing) clearInterval(publishing);
  for (const t of tablets) {
    await t.context.close();
    rmSync(t.profile, { recursive: true, force: true });
  }
  await couch.stop();
  await server.close();
}
