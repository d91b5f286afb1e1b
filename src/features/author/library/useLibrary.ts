// Loads the library (templates, drafts, approved versions) and reloads it
// after any change made from the Author screens.
import { useCallback } from 'react';
import { useStoredData } from '../../../ui/useStoredData';
import { listLibrary, type LibraryEntry } from '../../../db/library';
import type { LogDb } from '../../../db/database';

export interface LibraryState {
  entries: LibraryEntry[];
  loaded: boolean;
  error: string | null;
  reload(): Promise<void>;
}

const NO_ENTRIES: LibraryEntry[] = [];

export function useLibrary(db?: LogDb): LibraryState {
  const load = useCallback(() => listLibrary({ db }), [db]);
  const { value, ...state } = useStoredData(load, NO_ENTRIES, 'The SOP library could not be read on this device. Try reloading the app.');
  return { entries: value, ...state };
}

/** Entries grouped by SOP id, keeping the library's order. */
export function groupBySop(entries: readonly LibraryEntry[]): Array<{ sopId: string; title: string; entries: LibraryEntry[] }> {
  const groups = new Map<string, { sopId: string; title: string; entries: LibraryEntry[] }>();
  for (const entry of entries) {
    const group = groups.get(entry.sopId) ?? { sopId: entry.sopId, title: entry.title, entries: [] };
    if (entry.inUse) group.title = entry.title;
    group.entries.push(entry);
    groups.set(entry.sopId, group);
  }
  return [...groups.values()];
}
