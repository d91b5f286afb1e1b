// Log and Author are split from the first-screen bundle but fetched at start,
// straight after the first paint, not on first use: a page must never need a
// file after an app update may have deleted the old build's files.
import { lazy } from 'react';

const loadLog = () => import('../features/log/LogSection').then((module) => ({ default: module.LogSection }));
const loadAuthor = () => import('../features/author/AuthorSection').then((module) => ({ default: module.AuthorSection }));

export const LazyLogSection = lazy(loadLog);
export const LazyAuthorSection = lazy(loadAuthor);

/** Starts loading every split section; called once the first screen is painted. */
export function preloadSections(): Promise<unknown> {
  return Promise.all([loadLog(), loadAuthor()]);
}
