// Drives the Escalate section the way a physiologist would: open an SOP from
// the list, choose answers, tick actions, record call results, let time pass.
// Each test gets its own IndexedDB (fake-indexeddb) and fake timers that do
// not hang it. Example:
//   const run = await openSop('Fast AF', { modality: 'echo' });
//   await run.choose('Yes'); await run.continue(); await run.noAnswer();
//   await run.advance('10m'); run.expectStep('Call the imaging consultant');
import { act, render, screen, within, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import { SessionProvider } from '../../../src/shared/session';
import { EscalateSection } from '../../../src/features/runner/EscalateSection';
import { loadEscalationRuntime } from '../../../src/features/runner/loadEscalationRuntime';
import { createDbEpisodeStore } from '../../../src/features/runner/episode/dbEpisodeStore';
import type { EpisodeStore } from '../../../src/features/runner/episode/episodeStore';
import type { SopSource } from '../../../src/features/runner/list/sopSource';
import { hashSop, type Modality, type SopDocument } from '../../../src/engine';
import { openLogDb, type LogDb } from '../../../src/db/database';
import { putDirectoryEntry } from '../../../src/db/config';
import type { SettingsStore } from '../../../src/shared/session';
import { AlarmBanner } from '../../../src/app/AlarmBanner';
import { appAlarms } from '../../../src/shared/alarm';
import { testAf, testCollapse } from './fixtures';

let dbCount = 0;

export interface RunOptions {
  modality?: Modality | null;
  docs?: SopDocument[];
  collapse?: SopDocument;
  /** Roles with a number on this device; others are "not configured". */
  configured?: string[];
  db?: LogDb;
  store?: EpisodeStore;
}

function sessionStore(modality: Modality | null): SettingsStore {
  const data = new Map<string, unknown>([['session', { site: 'CDC North', modality, operatorRole: 'Cardiac physiologist' }]]);
  return { get: async (key) => data.get(key), put: async (key, value) => void data.set(key, value) };
}

async function sourceOf(docs: SopDocument[], collapse: SopDocument): Promise<SopSource> {
  const runnable = await Promise.all(docs.map(async (doc) => ({ doc, hash: await hashSop(doc) })));
  const collapseRunnable = { doc: collapse, hash: await hashSop(collapse) };
  return {
    list: async () => runnable,
    collapse: async () => collapseRunnable,
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MINUTE = 60_000;
function parseDuration(text: string): number {
  const match = /^(\d+)(m|s)$/.exec(text);
  if (!match) throw new Error(`Write durations like "10m" or "30s", not "${text}"`);
  return Number(match[1]) * (match[2] === 'm' ? MINUTE : 1000);
}

/**
 * Fake clock for timer tests. Testing Library only lets its async helpers
 * (and so user-event) advance fake timers it recognises as Jest's, so it is
 * given Jest's one-method interface backed by Vitest.
 */
export function useRunnerClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  (globalThis as { jest?: unknown }).jest = { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) };
  // jsdom draws its frames on the (now fake) interval timer, so a frame would wait for the clock to move:
  // frames come on real turns instead, as they do in a browser whatever the timers.
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setImmediate(() => callback(performance.now())) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => clearImmediate(handle as unknown as NodeJS.Immediate));
}

/**
 * Frames come only when the test paints one (under the runner clock): `paint()`
 * runs the frame's callbacks and the tasks they post, as a frame being painted
 * does. Until then what the app leaves for after the paint waits.
 */
export function holdFrames() {
  const queued = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    queued.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => queued.delete(handle));
  return {
    async paint() {
      await act(async () => {
        const due = [...queued.values()];
        queued.clear();
        due.forEach((callback) => callback(performance.now()));
        await vi.advanceTimersByTimeAsync(0);
      });
    },
  };
}

export function stopRunnerClock(): void {
  // The app's alarm clock outlives sections, and so tests: each test starts with it silent.
  appAlarms.cancelWhere('');
  vi.useRealTimers();
  vi.unstubAllGlobals();
  delete (globalThis as { jest?: unknown }).jest;
}

// IndexedDB (fake-indexeddb) and WebCrypto resolve on real macrotasks, which
// fake timers do not control: yield to them for real, without moving the clock.
const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Waits end on real time, not on a count of turns: on a loaded two-core CI machine
// WebCrypto and IndexedDB need far more turns than on a quiet one (stop 26's CI
// gave up after 400 turns with the list still loading). performance is never faked.
const realNow = performance.now.bind(performance);
const WAIT_LIMIT_MS = 10_000;
const waitingSince = (start: number) => realNow() - start < WAIT_LIMIT_MS;

// Writes in flight through the test's store: the screen cannot show them, so the driver counts them.
let inFlight = 0;
const busy = () => inFlight > 0 || document.querySelector('[aria-busy="true"]') !== null;

function countingWrites(store: EpisodeStore): EpisodeStore {
  const counted = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    inFlight += 1;
    try {
      return await call(...args);
    } finally {
      inFlight -= 1;
    }
  };
  return { ...store, start: counted(store.start), append: counted(store.append), end: counted(store.end) };
}

/** Lets pending IndexedDB writes and React updates settle (a write in flight marks the episode aria-busy). */
export async function settle(turns = 6): Promise<void> {
  const start = realNow();
  for (let i = 0; i < turns || (busy() && waitingSince(start)); i += 1) {
    await act(async () => {
      await realTurn();
      // Timers already due (e.g. a wait that ran out while the app was closed) fire now.
      if (vi.isFakeTimers()) await vi.advanceTimersByTimeAsync(0);
    });
  }
}

/** Elements on show: screens made ready for the next tap wait out of sight in [inert] slots. */
export const onShow = (selector: string): Element[] => [...document.querySelectorAll(selector)].filter((el) => !el.closest('[inert]'));
/** A step's heading (or the abandon panel's) takes focus, so it can be focused by script; the list's heading cannot. */
const STEP_HEADING = 'h1[tabindex="-1"]';
const stepTitle = () => onShow(STEP_HEADING)[0]?.textContent ?? '';
const storageProblem = () => onShow('[role="alert"] h2').some((heading) => /not saved/i.test(heading.textContent ?? ''));

/** After a tap that moves on: waits until another step (or a storage problem) shows; gives up quietly. */
async function moveSettles(before: string): Promise<void> {
  const start = realNow();
  while (waitingSince(start) && stepTitle() === before && !storageProblem()) await settle(1);
  await settle();
}

/** Waits until an element matching `selector` (optionally containing `text`) is on screen. Cheap, unlike role queries. */
export async function waitForElement(selector: string, text?: string | RegExp): Promise<void> {
  await eventually(() => {
    const found = onShow(selector).some((el) =>
      text === undefined ? true : typeof text === 'string' ? (el.textContent ?? '').includes(text) : text.test(el.textContent ?? ''));
    if (!found) throw new Error(`Nothing matching ${selector} ${String(text ?? '')} appeared`);
  });
}

/** Waits (on real turns, not fake time) until `check` stops throwing, for up to WAIT_LIMIT_MS of real time. */
export async function eventually<T>(check: () => T): Promise<T> {
  let last: unknown;
  for (const start = realNow(); waitingSince(start); ) {
    try {
      return check();
    } catch (error) {
      last = error;
      await settle(1);
    }
  }
  throw last;
}

export async function openEscalate(options: RunOptions = {}) {
  const db = options.db ?? openLogDb(`runner-test-${Date.now()}-${(dbCount += 1)}`);
  const store = countingWrites(options.store ?? createDbEpisodeStore(db));
  const collapse = options.collapse ?? testCollapse;
  for (const roleId of options.configured ?? []) {
    await putDirectoryEntry({ roleId, name: `${roleId} on call`, phone: '01234 567890', extension: '4321', hours: '24/7', fallbackRoleId: '' }, db);
  }
  const source = await sourceOf(options.docs ?? [testAf], collapse);
  const settings = sessionStore(options.modality === undefined ? 'echo' : options.modality);
  // The app fetches the runtime straight after its first paint; so does the driver, before the first tap.
  await loadEscalationRuntime();
  window.history.replaceState(null, '', '/escalate');
  const user: UserEvent = userEvent.setup({ delay: null });
  // The shell's alarm banner sits above whichever section is open, as in the app.
  const tree = (section: 'escalate' | 'settings' = 'escalate') => (
    <SessionProvider store={settings}>
      <AlarmBanner />
      {section === 'escalate' ? <EscalateSection store={store} source={source} /> : <h1>Settings</h1>}
    </SessionProvider>
  );
  let view: RenderResult = render(tree());

  const run = {
    db,
    store,
    user,
    async start(title: string) {
      await waitForElement('button:not([disabled])', title);
      // The list's own heading takes focus too: the episode has begun when another heading shows.
      const listHeading = stepTitle();
      await user.click(screen.getByRole('button', { name: new RegExp(`^${title}`) }));
      await eventually(() => {
        if (stepTitle() === listHeading) throw new Error(`${title} did not open: still on "${listHeading}"`);
      });
      await settle();
    },
    async choose(label: string) {
      await waitForElement('button', label);
      const before = stepTitle();
      await user.click(screen.getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}(,|$)`) }));
      await moveSettles(before);
    },
    async tick(text: string) {
      const box = screen.getByRole('checkbox', { name: new RegExp(text) });
      const was = (box as HTMLInputElement).checked;
      await user.click(box);
      const start = realNow();
      while (waitingSince(start) && (box as HTMLInputElement).checked === was && !storageProblem()) await settle(1);
      // The timers tray around the step follows a frame later (useAfterPaint).
      await settle();
    },
    async continue() {
      const before = stepTitle();
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await moveSettles(before);
    },
    async noAnswer() {
      await run.choose('No answer');
    },
    async press(key: string) {
      const before = stepTitle();
      await user.keyboard(key);
      await moveSettles(before);
    },
    async advance(text: string) {
      const before = stepTitle();
      await act(async () => {
        await vi.advanceTimersByTimeAsync(parseDuration(text));
      });
      // A wait may run out and move on: give its log write time to land.
      for (let i = 0; i < 60 && stepTitle() === before; i += 1) await settle(1);
      await settle();
    },
    async back() {
      const before = stepTitle();
      await user.click(screen.getByRole('button', { name: /^Back/ }));
      await moveSettles(before);
    },
    async collapse() {
      const before = stepTitle();
      await user.click(screen.getAllByRole('button', { name: 'Patient collapsed / not breathing normally' })[0]!);
      await moveSettles(before);
    },
    async abandon(reason: string) {
      await user.click(screen.getByRole('button', { name: 'Abandon…' }));
      await user.click(screen.getByRole('radio', { name: reason }));
      await user.click(screen.getByRole('button', { name: 'Abandon escalation' }));
      await settle();
    },
    async finish() {
      await user.click(screen.getByRole('button', { name: 'Finish and save' }));
      await settle();
    },
    /** Leaves the Escalate section for Settings (the shell and its alarm banner stay). */
    async openSettings() {
      view.rerender(tree('settings'));
      await settle();
    },
    /** Back to the Escalate section, at the episode's own address as the banner's "go to it" would. */
    async backToEscalate() {
      view.rerender(tree('escalate'));
      await waitForElement('.runner-step__title, [role="alert"]');
      await settle();
    },
    /** The alarm banner's alarms on screen, by their text. */
    alarmTexts(): string[] {
      return [...document.querySelectorAll('.alarm-banner__alarm')].map((el) => el.textContent ?? '');
    },
    /** Closes the section and opens it again, as after a reload. */
    async reopen() {
      view.unmount();
      window.history.replaceState(null, '', '/escalate');
      view = render(tree());
      await waitForElement(`${STEP_HEADING}, [role="alert"]`);
    },
    expectStep(title: string | RegExp) {
      expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    },
    currentHeading(): string {
      return screen.getByRole('heading', { level: 1 }).textContent ?? '';
    },
    within: (element: HTMLElement) => within(element),
    /** Event types of the only episode in this test's log, in order. */
    async logTypes(): Promise<string[]> {
      // Writes in the collapse pathway land after the screen moves on: wait until the log stops growing.
      let count = -1;
      for (let still = 0; still < 5; ) {
        await settle(1);
        const now = await db.events.count();
        still = now === count ? still + 1 : 0;
        count = now;
      }
      const episodes = await db.episodes.toArray();
      const events = await db.events.toArray();
      const mine = episodes.at(-1)?.id;
      return events.filter((e) => e.episodeId === mine).sort((a, b) => a.seq - b.seq).map((e) => e.type);
    },
    unmount: () => view.unmount(),
  };
  return run;
}

export async function openSop(title: string, options: RunOptions = {}) {
  const run = await openEscalate(options);
  await run.start(title);
  return run;
}
