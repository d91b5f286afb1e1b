// The Escalate list draws at once from what this tablet last listed (or the
// shipped catalogue), then takes the validated library's answer and keeps it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { getSetting, putSetting } from '../../../src/db/config';
import catalogue from '../../../src/sops/derived/catalogue.json';
import { loadEscalationRuntime } from '../../../src/features/runner/loadEscalationRuntime';
import { LIBRARY_UNREADABLE, useEscalateLibrary } from '../../../src/features/runner/list/useEscalateLibrary';
import { openLogDb } from '../../../src/db/database';
import type { RunnableSop } from '../../../src/features/runner/list/sopSource';

const stored = [{ sopId: 'fast-af', title: 'Fast AF (local v2)', fullTitle: 'Fast AF', finding: 'AF over 110', keywords: [], modalities: ['echo'], status: 'approved', urgency: 'emergency' }];

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // The hook may ask for the library only after the test has settled it.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

afterEach(async () => {
  await openLogDb().settings.clear();
});

describe('the Escalate list before and after the library loads', () => {
  it('shows the stored listing first, then the validated library, and stores that for next time', async () => {
    await putSetting('escalate.listing', stored);
    const runtime = await loadEscalationRuntime();
    const pending = deferred<RunnableSop[]>();
    const list = vi.spyOn(runtime.librarySopSource, 'list').mockReturnValue(pending.promise);
    const { result } = renderHook(() => useEscalateLibrary(undefined));
    await waitFor(() => expect(result.current.listings?.map((l) => l.title)).toEqual(['Fast AF (local v2)']));

    list.mockRestore();
    pending.resolve(await runtime.librarySopSource.list());
    await waitFor(() => expect(result.current.listings?.map((l) => l.sopId)).toEqual(catalogue.map((l) => l.sopId)));
    await waitFor(async () => expect(await getSetting('escalate.listing')).toEqual(result.current.listings));
    expect((await result.current.find('fast-af'))?.doc.id).toBe('fast-af');
    expect((await result.current.findCollapse())?.doc.id).toBe('collapse');
  });

  it('falls back to the shipped catalogue when the stored listing is malformed', async () => {
    await putSetting('escalate.listing', [{ sopId: 'fast-af', title: { html: '<b>' } }]);
    const runtime = await loadEscalationRuntime();
    const pending = deferred<RunnableSop[]>();
    vi.spyOn(runtime.librarySopSource, 'list').mockReturnValue(pending.promise);
    const { result } = renderHook(() => useEscalateLibrary(undefined));
    await waitFor(() => expect(result.current.listings).toEqual(catalogue));
    pending.reject(new Error('unreadable'));
    await waitFor(() => expect(result.current.error).toBe(LIBRARY_UNREADABLE));
    expect(await result.current.find('fast-af').catch(() => 'refused')).toBe('refused');
  });
});
