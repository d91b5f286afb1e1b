// Starts and stops this tablet's sync, after the first screen is drawn and
// only when the tablet is enrolled: the sync code and PouchDB are fetched then,
// never on the first screen or on a tap. The outbox is filled when an episode
// ends and when the tablet is idle with no episode running, never mid-tap.
import { getDeviceId, getSetting } from '../../db/config';
import type { SyncSession } from '../../db/sync';
import { isEpisodeActive, onEpisodeActivity } from '../activity';
import { announceSessionDefaults, getNetworkStatus, setNetworkStatus } from './networkStatus';

/** The settings key the credentials live under (db/sync networkCredentials CREDENTIALS_KEY); read here without loading the sync code. */
export const NETWORK_CREDENTIALS_KEY = 'network.credentials';
const IDLE_FILL_MS = 30_000;

let session: SyncSession | null = null;
let starting: Promise<void> | null = null;
let teardown: Array<() => void> = [];

type IdleWindow = Window & { requestIdleCallback?(callback: () => void, options?: { timeout: number }): number };

/** Resolves once no episode is running and the main thread is idle: when arrivals from the network are applied. */
function whenQuiet(): Promise<void> {
  const idle = () => new Promise<void>((resolve) => whenIdle(resolve));
  if (!isEpisodeActive()) return idle();
  return new Promise<void>((resolve) => {
    const off = onEpisodeActivity((active) => {
      if (active) return;
      off();
      resolve();
    });
  }).then(idle);
}

/** Runs `work` when the main thread is idle (or soon after, where the browser has no idle callbacks). */
function whenIdle(work: () => void): void {
  const idle = (globalThis as unknown as IdleWindow).requestIdleCallback;
  if (idle) idle(work, { timeout: 5_000 });
  else setTimeout(work, 200);
}

function scheduleFills(): void {
  const fillIfQuiet = () => {
    if (!isEpisodeActive()) whenIdle(() => void session?.fill());
  };
  const timer = setInterval(fillIfQuiet, IDLE_FILL_MS);
  const offActivity = onEpisodeActivity((active) => {
    if (!active) fillIfQuiet();
  });
  // PouchDB retries with a growing back-off; coming back online starts a round at once.
  const online = () => {
    const phase = getNetworkStatus().report?.phase;
    if (phase === 'offline' || phase === 'unreachable') void restartNetwork();
  };
  globalThis.addEventListener?.('online', online);
  teardown.push(() => clearInterval(timer), offActivity, () => globalThis.removeEventListener?.('online', online));
  fillIfQuiet();
}

async function begin(): Promise<void> {
  const sync = await import('../../db/sync');
  const credentials = await sync.readCredentials();
  if (!credentials || credentials.pending) {
    setNetworkStatus({ checked: true, identity: null, report: null });
    return;
  }
  const identity = { url: credentials.url, user: credentials.user, site: credentials.site, enrolledAt: credentials.enrolledAt };
  setNetworkStatus({ checked: true, identity, report: null });
  const [pouch, deviceId] = await Promise.all([
    sync.browserPouchFactory({ url: credentials.url, user: credentials.user, password: credentials.secret }),
    getDeviceId(),
  ]);
  session = sync.startSyncSession({
    credentials,
    deviceId,
    pouch,
    onReport: (report) => setNetworkStatus({ report }),
    whenQuiet,
    onArrival: (arrival) => {
      if (arrival.kind === 'defaults') announceSessionDefaults(arrival.defaults);
    },
  });
  scheduleFills();
}

/** Starts sync if this tablet is enrolled (a quick settings read decides before any sync code loads). */
export async function startNetworkIfEnrolled(): Promise<void> {
  if (session || starting) return starting ?? undefined;
  let stored: unknown;
  try {
    stored = await getSetting(NETWORK_CREDENTIALS_KEY);
  } catch {
    stored = undefined;
  }
  if (!stored) {
    setNetworkStatus({ checked: true, identity: null, report: null });
    return;
  }
  starting = begin().catch(() => {
    setNetworkStatus({ checked: true, report: { phase: 'problem', lastSyncAt: null, waiting: 0, problem: 'Sync could not start on this tablet. Reload the app; if it keeps happening, tell the network administrator.', refused: [] } });
  }).finally(() => {
    starting = null;
  });
  return starting;
}

export async function stopNetwork(): Promise<void> {
  await starting;
  teardown.forEach((undo) => undo());
  teardown = [];
  const current = session;
  session = null;
  await current?.stop();
}

export async function restartNetwork(): Promise<void> {
  await stopNetwork();
  await startNetworkIfEnrolled();
}

/** Queues what the log holds now (Settings → Network "Send now"). */
export async function sendNow(): Promise<void> {
  await session?.fill();
}

/** Leaves the network: sync stops and the credentials are forgotten (the log stays on this tablet). */
export async function leaveNetwork(): Promise<void> {
  await stopNetwork();
  const sync = await import('../../db/sync');
  await sync.forgetCredentials();
  setNetworkStatus({ checked: true, identity: null, report: null });
}
