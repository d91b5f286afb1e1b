// Where a running episode is kept. The app writes to the governance log in
// IndexedDB (dbEpisodeStore); the author's sandbox keeps episodes in memory
// so a preview never enters the log. The controller only sees this interface.
import type { Modality } from '../../../engine';
import type { NewEvent } from '../../../db/log';
import type { LogRow } from './logRows';

/** Who runs an episode, where and on what scanner: the one definition the runner's store, controller and screens share. */
export interface EpisodeIdentity {
  site: string;
  modality: Modality;
  operatorRole: string;
}

export interface StartRequest extends EpisodeIdentity {
  /** The exact SOP document run, recorded by content hash. */
  doc: unknown;
  sopHash: string;
  at: number;
}

export interface StoredEpisode extends Omit<EpisodeIdentity, 'modality'> {
  /** As stored, unchecked: resuming checks it is a known modality before the episode runs. */
  modality: string;
  episodeId: string;
  doc: unknown;
  sopHash: string;
  startedAt: number;
  status: 'open' | 'completed' | 'abandoned';
  rows: LogRow[];
  /** Number of stored events, for matching the snapshot cache. */
  seq: number;
}

export interface EndRequest {
  status: 'completed' | 'abandoned';
  at: number;
  urgency?: 'emergency' | 'same-day' | 'urgent' | 'routine';
  outcomeStepId?: string;
  reason?: string;
}

import type { DirectoryContact } from '../../../db/config';
export type { DirectoryContact };

export interface EpisodeStore {
  /** True when steps go to the governance log (false in the sandbox). */
  readonly durable: boolean;
  start(request: StartRequest): Promise<{ episodeId: string; seq: number }>;
  /**
   * Appends in order. Retrying with the same events (same ids) never writes them twice.
   * The commit may be relaxed (not yet flushed to the disk): `checkpoint` flushes it.
   */
  append(episodeId: string, events: readonly NewEvent[]): Promise<{ seq: number }>;
  end(episodeId: string, request: EndRequest): Promise<void>;
  /** The newest open episode, if any (after a reload, crash or closed tab). */
  findOpen(): Promise<string | null>;
  load(episodeId: string): Promise<StoredEpisode>;
  /**
   * Saves the snapshot at stored head `seq` (a cache for a quick resume) in a
   * strict commit, which also flushes every append before it to the disk.
   */
  checkpoint(episodeId: string, entry: { sopHash: string; appVersion: string; seq: number; snapshot: unknown }): Promise<void>;
  loadSnapshot(episodeId: string, expect: { sopHash: string; appVersion: string }): Promise<unknown>;
  contact(roleId: string): Promise<DirectoryContact | null>;
}
