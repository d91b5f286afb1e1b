// A very small history router: the app has four sections and a few sub-pages,
// which does not earn a routing dependency. Paths are real URLs so every route
// also works as a start URL offline (the service worker falls back to index.html).
import { useSyncExternalStore } from 'react';

export type SectionId = 'escalate' | 'log' | 'author' | 'settings';

export const SECTIONS: ReadonlyArray<{ id: SectionId; label: string; path: string }> = [
  { id: 'escalate', label: 'Escalate', path: '/escalate' },
  { id: 'log', label: 'Log', path: '/log' },
  { id: 'author', label: 'Author', path: '/author' },
  { id: 'settings', label: 'Settings', path: '/settings' },
];

const listeners = new Set<() => void>();

function notify(): void {
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, currentPath);
}

/** The section a path belongs to; `/` opens Escalate, the point-of-care screen. */
export function sectionOf(path: string): SectionId {
  const first = path.split('/')[1] ?? '';
  const match = SECTIONS.find((section) => section.id === first);
  return match ? match.id : 'escalate';
}

/** The path segments after the section, e.g. `/log/episode/42` → ['episode', '42']. */
export function subPath(path: string): string[] {
  return path.split('/').filter(Boolean).slice(1);
}
