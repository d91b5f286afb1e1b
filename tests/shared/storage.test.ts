import { describe, expect, it, vi } from 'vitest';
import { formatBytes, readStorageStatus, requestPersistentStorage } from '../../src/shared/platform';

function fakeNavigator(storage: Partial<StorageManager> | undefined): Navigator {
  return { storage } as unknown as Navigator;
}

describe('persistent storage', () => {
  it('asks the browser to persist when data is not yet persistent', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    const nav = fakeNavigator({ persisted: vi.fn().mockResolvedValue(false), persist });
    await expect(requestPersistentStorage(nav)).resolves.toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn();
    const nav = fakeNavigator({ persisted: vi.fn().mockResolvedValue(true), persist });
    await expect(requestPersistentStorage(nav)).resolves.toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('reports unsupported instead of failing where there is no StorageManager (jsdom, old browsers)', async () => {
    await expect(requestPersistentStorage(fakeNavigator(undefined))).resolves.toBeNull();
    await expect(readStorageStatus(fakeNavigator(undefined))).resolves.toEqual({
      supported: false,
      persisted: null,
      usageBytes: null,
      quotaBytes: null,
    });
  });

  it('reads persistence and usage together', async () => {
    const nav = fakeNavigator({
      persisted: vi.fn().mockResolvedValue(false),
      estimate: vi.fn().mockResolvedValue({ usage: 2048, quota: 10 * 1024 * 1024 }),
    });
    await expect(readStorageStatus(nav)).resolves.toEqual({ supported: true, persisted: false, usageBytes: 2048, quotaBytes: 10485760 });
  });

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(null)).toBe('unknown');
  });
});
