// The episode list's data: one page at a time through keyset cursors, with a
// stack of the cursors already used so "Previous page" is as cheap as "Next".
import { useCallback, useEffect, useState } from 'react';
import { listEpisodes, type EpisodeFilters, type PageCursor } from '../../db/read';
import { toStorageError, type EpisodeRow, type LogDb } from '../../db/database';

export interface EpisodePageState {
  rows: EpisodeRow[];
  loading: boolean;
  error: string | null;
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
}

export function useEpisodePage(db: LogDb, filters: EpisodeFilters, pageSize: number, refreshKey = 0): EpisodePageState {
  const [cursors, setCursors] = useState<Array<PageCursor | null>>([null]);
  const [rows, setRows] = useState<EpisodeRow[]>([]);
  const [nextCursor, setNextCursor] = useState<PageCursor | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // New filters start again from the newest episode.
  useEffect(() => setCursors([null]), [filters, refreshKey]);

  const cursor = cursors[cursors.length - 1] ?? null;
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    listEpisodes(filters, cursor, pageSize, db)
      .then((page) => {
        if (cancelled) return;
        setRows(page.rows);
        setNextCursor(page.next);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(toStorageError(caught).userMessage);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [db, filters, cursor, pageSize]);

  const next = useCallback(() => {
    if (nextCursor) setCursors((stack) => [...stack, nextCursor]);
  }, [nextCursor]);
  const previous = useCallback(() => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)), []);

  return { rows, loading, error, pageNumber: cursors.length, hasNext: nextCursor !== null, hasPrevious: cursors.length > 1, next, previous };
}
