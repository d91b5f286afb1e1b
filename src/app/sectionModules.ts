// Everything but the first screen is split off and fetched at start, straight
// after the first paint, never on first use: a page must never need a file
// after an app update may have deleted the old build's files. The escalation
// runtime comes first (it also registers the shipped SOPs every section reads).
import { lazy } from 'react';
import { loadEscalationRuntime } from '../features/runner/loadEscalationRuntime';

const afterRuntime = <T,>(load: () => Promise<T>) => () => loadEscalationRuntime().then(load);

const loadLog = afterRuntime(() => import('../features/log/LogSection').then((module) => ({ default: module.LogSection })));
const loadAuthor = afterRuntime(() => import('../features/author/AuthorSection').then((module) => ({ default: module.AuthorSection })));
const loadSettings = afterRuntime(() => import('../features/settings/SettingsSection').then((module) => ({ default: module.SettingsSection })));

export const LazyLogSection = lazy(loadLog);
export const LazyAuthorSection = lazy(loadAuthor);
export const LazySettingsSection = lazy(loadSettings);

/** Starts loading the runtime and every split section; called once the first screen is painted. */
export function preloadSections(): Promise<unknown> {
  return Promise.all([loadLog(), loadAuthor(), loadSettings()]);
}
