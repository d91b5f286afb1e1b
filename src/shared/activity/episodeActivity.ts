// Whether an escalation episode is open on this device. The runner sets it; the
// update banner reads it so that a new app version never interrupts an episode.
import { useSyncExternalStore } from 'react';

let active = false;
const listeners = new Set<() => void>();

export function setEpisodeActive(value: boolean): void {
  if (active === value) return;
  active = value;
  listeners.forEach((listener) => listener());
}

export function isEpisodeActive(): boolean {
  return active;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls back with the new value whenever an episode opens or ends (sync fills its outbox once one ends). */
export function onEpisodeActivity(listener: (active: boolean) => void): () => void {
  return subscribe(() => listener(active));
}

export function useEpisodeActive(): boolean {
  return useSyncExternalStore(subscribe, isEpisodeActive, isEpisodeActive);
}

/**
 * At start, an episode left open (reload, crash) counts as active even before
 * the Escalate screen reopens it, so an update offered on another section waits.
 */
export async function markStoredEpisodesActive(findOpen: () => Promise<readonly unknown[]>): Promise<void> {
  try {
    if ((await findOpen()).length > 0) setEpisodeActive(true);
  } catch {
    // Unreadable storage is reported by the sections that use it.
  }
}
