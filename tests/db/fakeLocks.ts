// A Web Locks manager in memory (jsdom has none), exclusive mode only, with
// `ifAvailable` and `signal`, enough to play a second tab holding an episode.

type Waiter = { name: string; grant(): void; reject(reason: unknown): void };

export class FakeLockManager {
  private readonly held = new Set<string>();
  private readonly waiting: Waiter[] = [];

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  request(name: string, ...rest: unknown[]): Promise<unknown> {
    const callback = rest.at(-1) as (lock: { name: string } | null) => unknown;
    const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean; signal?: AbortSignal };
    const run = async () => {
      this.held.add(name);
      try {
        return await callback({ name });
      } finally {
        this.held.delete(name);
        const next = this.waiting.findIndex((waiter) => waiter.name === name);
        if (next >= 0) this.waiting.splice(next, 1)[0]!.grant();
      }
    };
    if (!this.held.has(name)) return run();
    if (options.ifAvailable) return Promise.resolve(callback(null));
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { name, grant: () => run().then(resolve, reject), reject };
      this.waiting.push(waiter);
      options.signal?.addEventListener('abort', () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(options.signal!.reason);
      });
    });
  }
}

/** Gives jsdom's navigator the fake manager; returns the undo. */
export function installFakeLocks(manager: FakeLockManager): () => void {
  Object.defineProperty(globalThis.navigator, 'locks', { value: manager, configurable: true });
  return () => {
    delete (globalThis.navigator as { locks?: unknown }).locks;
  };
}
