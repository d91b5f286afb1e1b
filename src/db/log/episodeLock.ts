// Serialises read-head → write for one episode, across tabs when the browser
// has Web Locks and within this tab otherwise (jsdom, older Safari). The
// per-episode sequence number (the events' key) is the second guard.
// A tab that runs an episode holds its lock for as long as it runs it (a
// lease): each tap's append then costs no lock request, and no other tab can
// write to that episode until this one ends it, or closes.
import { StorageError } from '../database';

/** How long an append waits for another tab to let go of an episode before saying where it is open. */
export const LOCK_WAIT_MS = 3000;

const OPEN_ELSEWHERE =
  'This escalation is open in another tab or window of this app, so this step was not saved here (two copies would split the record). Close the other one, then choose Try again.';

interface Lease {
  /** True once granted, until released. */
  held: boolean;
  granted: Promise<boolean>;
  release(): void;
}

const leases = new Map<string, Lease>();
/** Episodes this tab runs: a lease refused because another tab held it is taken once an append gets the lock. */
const wanted = new Set<string>();
const tabQueues = new Map<string, Promise<unknown>>();
const lockName = (episodeId: string) => `cdc-episode-log:${episodeId}`;

function lockManager(): LockManager | null {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

/** One task at a time per name, within this tab. */
function inTab<T>(name: string, task: () => Promise<T>): Promise<T> {
  const previous = tabQueues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  tabQueues.set(name, settled);
  void settled.then(() => {
    if (tabQueues.get(name) === settled) tabQueues.delete(name);
  });
  return run;
}

/** The Web Lock for one task; waiting too long means another tab holds the episode's lease. */
async function viaLock<T>(locks: LockManager, name: string, task: () => Promise<T>): Promise<T> {
  let granted = false;
  try {
    return (await locks.request(name, { mode: 'exclusive', signal: AbortSignal.timeout(LOCK_WAIT_MS) }, () => {
      granted = true;
      return task();
    })) as T;
  } catch (error) {
    if (!granted) throw new StorageError('conflict', { cause: error, userMessage: OPEN_ELSEWHERE });
    throw error;
  }
}

export function withEpisodeLock<T>(episodeId: string, task: () => Promise<T>): Promise<T> {
  const name = lockName(episodeId);
  const locks = lockManager();
  if (!locks) return inTab(name, task);
  const lease = leases.get(name);
  if (lease?.held) return inTab(name, task);
  // A lease still being granted decides which way this task goes (asking for the lock now would wait on ourselves).
  if (lease) return lease.granted.then((held) => (held ? inTab(name, task) : viaLockThenLease(locks, episodeId, task)));
  return viaLockThenLease(locks, episodeId, task);
}

/** An append that had to ask for the lock; if this tab runs the episode, the other tab has let go, so it takes the lease again. */
async function viaLockThenLease<T>(locks: LockManager, episodeId: string, task: () => Promise<T>): Promise<T> {
  const name = lockName(episodeId);
  const result = await viaLock(locks, name, task);
  if (wanted.has(name) && !leases.has(name)) void holdEpisodeLock(episodeId);
  return result;
}

/**
 * Holds the episode's lock for this tab until `releaseEpisodeLock`. Resolves
 * false when another tab holds it (this tab's appends then wait for it, and
 * say where the episode is open if it is not let go) or the browser has no Web Locks.
 */
export function holdEpisodeLock(episodeId: string): Promise<boolean> {
  const name = lockName(episodeId);
  const locks = lockManager();
  const existing = leases.get(name);
  if (existing) return existing.granted;
  if (!locks) return Promise.resolve(false);
  wanted.add(name);
  let letGo = () => {};
  const released = new Promise<void>((resolve) => {
    letGo = resolve;
  });
  let grant = (_held: boolean) => {};
  const lease: Lease = { held: false, granted: new Promise((resolve) => (grant = resolve)), release: letGo };
  leases.set(name, lease);
  locks
    .request(name, { mode: 'exclusive', ifAvailable: true }, (lock) => {
      if (!lock || leases.get(name) !== lease) {
        if (leases.get(name) === lease) leases.delete(name);
        grant(false);
        return undefined;
      }
      lease.held = true;
      grant(true);
      return released;
    })
    .catch(() => {
      if (leases.get(name) === lease) leases.delete(name);
      grant(false);
    });
  return lease.granted;
}

/** Lets go of the episode's lock once this tab's writes to it are done. */
export function releaseEpisodeLock(episodeId: string): void {
  const name = lockName(episodeId);
  wanted.delete(name);
  const lease = leases.get(name);
  if (!lease) return;
  leases.delete(name);
  lease.held = false;
  const pending = tabQueues.get(name) ?? Promise.resolve();
  void pending.then(() => lease.release());
}

/** Whether this tab holds the episode's lease now (so its known head cannot have moved in another tab). */
export function holdsEpisodeLock(episodeId: string): boolean {
  return leases.get(lockName(episodeId))?.held === true;
}
