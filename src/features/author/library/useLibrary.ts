// Loads the library (templates, drafts, approved versions) and reloads it
// after any change made from the Author screens.
import { useCallback, useEffect, useState } from 'react';
import { listLibrary, type LibraryEntry } from '../../../db/library';
import type { LogDb } from '../../../db/logDb';

export interface LibraryState {
  entries: LibraryEntry[];
  loaded: boolean;
  error: string | null;
  reload(): Promise<void>;
}

export function useLibrary(db?: LogDb): LibraryState {
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setEntries(await listLibrary({ db }));
      setError(null);
    } catch {
      setError('The SOP library could not be read on this device. Try reloading the app.');
    } finally {
      setLoaded(true);
    }
  }, [db]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { entries, loaded, error, reload };
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
