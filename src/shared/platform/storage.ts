// Our only door to navigator.storage: asks the browser to keep this app's data
// (so the governance log is not evicted) and reads usage for the About panel.
// jsdom and some browsers have no StorageManager, so every call copes without one.

export interface StorageStatus {
  supported: boolean;
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

type StorageLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

function storageManager(nav: Navigator | undefined): StorageLike | null {
  const manager = nav?.storage as StorageLike | undefined;
  return manager && typeof manager.persisted === 'function' ? manager : null;
}

/** Asks once for persistent storage; returns whether it is now persistent (null: unsupported). */
export async function requestPersistentStorage(nav: Navigator | undefined = globalThis.navigator): Promise<boolean | null> {
  const manager = storageManager(nav);
  if (!manager) return null;
  try {
    if (await manager.persisted()) return true;
    return typeof manager.persist === 'function' ? await manager.persist() : false;
  } catch {
    return false;
  }
}

export async function readStorageStatus(nav: Navigator | undefined = globalThis.navigator): Promise<StorageStatus> {
  const manager = storageManager(nav);
  if (!manager) return { supported: false, persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    manager.persisted().catch(() => null),
    typeof manager.estimate === 'function' ? manager.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    supported: true,
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
