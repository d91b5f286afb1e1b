// Serialises read-head → write for one episode, across tabs when the browser
// has Web Locks and within this tab otherwise (jsdom, older Safari). The
// per-episode sequence check in appendEvents is the second guard.

const tabQueues = new Map<string, Promise<unknown>>();

function lockManager(): LockManager | null {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : null;
}

export function withEpisodeLock<T>(episodeId: string, task: () => Promise<T>): Promise<T> {
  const name = `cdc-episode-log:${episodeId}`;
  const locks = lockManager();
  if (locks) return locks.request(name, { mode: 'exclusive' }, task) as Promise<T>;
  const previous = tabQueues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  tabQueues.set(name, settled);
  void settled.then(() => {
    if (tabQueues.get(name) === settled) tabQueues.delete(name);
  });
  return run;
}
