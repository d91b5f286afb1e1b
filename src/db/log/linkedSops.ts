// The other SOPs (the collapse pathway) an episode could enter are named in its
// episode-started event; exports, replays and packs all need to find them.
import type { EventRow } from '../database';

/** The other SOPs (the collapse pathway) an episode's started event names. */
export function linkedSopHashes(started: Pick<EventRow, 'type' | 'data'> | undefined): string[] {
  const hashes = started?.type === 'episode-started' ? started.data.linkedSopHashes : undefined;
  return Array.isArray(hashes) ? hashes.filter((hash): hash is string => typeof hash === 'string') : [];
}
