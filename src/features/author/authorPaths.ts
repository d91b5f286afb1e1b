// The Author section's routes, written in one place so links and the router agree.
export const AUTHOR_ROOT = '/author';
export const editPath = (key: string): string => `/author/edit/${encodeURIComponent(key)}`;
export const viewPath = (key: string): string => `/author/view/${encodeURIComponent(key)}`;
export const LIBRARY_LOG_PATH = '/author/log';
export const printPath = (key: string): string => `/author/print/${encodeURIComponent(key)}`;
export const comparePath = (before: string, after: string): string =>
  `/author/compare/${encodeURIComponent(before)}/${encodeURIComponent(after)}`;

export type AuthorRoute =
  | { page: 'library' }
  | { page: 'log' }
  | { page: 'edit'; key: string }
  | { page: 'view'; key: string }
  | { page: 'print'; key: string }
  | { page: 'compare'; before: string; after: string };

const decode = (part: string | undefined): string | null => {
  if (part === undefined) return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** Reads the route from the path segments after /author. */
export function authorRoute(segments: readonly string[]): AuthorRoute {
  const [page, first, second] = segments;
  const a = decode(first);
  const b = decode(second);
  if ((page === 'edit' || page === 'view' || page === 'print') && a) return { page, key: a };
  if (page === 'log' && first === undefined) return { page: 'log' };
  if (page === 'compare' && a && b) return { page, before: a, after: b };
  return { page: 'library' };
}
