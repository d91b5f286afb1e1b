// Everything but the first screen is split off and fetched at start, straight
// after the first paint, never on first use: a page must never need a file
// after an app update may have deleted the old build's files. The escalation
// runtime comes first (it also registers the shipped SOPs every section reads).
// This is the one file of the shell that imports features, each by its door.
import { createElement, lazy } from 'react';
import { loadEscalationRuntime, type EscalationRuntime } from '../features/runner';
import { SandboxContext } from '../shared/sandbox';

export { EscalateSection } from '../features/runner';

const afterRuntime = <T,>(load: (runtime: EscalationRuntime) => Promise<T>) => () => loadEscalationRuntime().then(load);

const loadLog = afterRuntime(() => import('../features/log').then((module) => ({ default: module.LogSection })));
const loadAuthor = afterRuntime((runtime) =>
  import('../features/author').then((module) => ({
    // The author's path player runs the real runner: the runtime's SandboxRunner, handed over by context.
    default: () => createElement(SandboxContext.Provider, { value: runtime.SandboxRunner }, createElement(module.AuthorSection)),
  })),
);
const loadSettings = afterRuntime(() => import('../features/settings').then((module) => ({ default: module.SettingsSection })));

export const LazyLogSection = lazy(loadLog);
export const LazyAuthorSection = lazy(loadAuthor);
export const LazySettingsSection = lazy(loadSettings);

/** Starts loading the runtime and every split section; called once the first screen is painted. */
export function preloadSections(): Promise<unknown> {
  return Promise.all([loadLog(), loadAuthor(), loadSettings()]);
}
