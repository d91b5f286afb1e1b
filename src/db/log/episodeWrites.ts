// The only way episodes begin and end in the log (appends: episodeAppend.ts).
// The first event is hashed before the transaction opens, and the episode, its
// SOP documents and that event are written together or not at all.
import { toStorageError, StorageError } from '../database';
import { chainEvents } from './eventHash';
import { episodeFromStartEvent } from './episodeSummary';
import { newEpisodeId } from './episodeId';
import { openLogDb, type LogDb } from '../database';
import { updateMonthlyStats } from '../read';
import { prepareEvent, type NewEvent } from './newEvents';
import { GENESIS_HASH, type EpisodeRow, type EpisodeStatus, type Urgency } from '../database';
import { appendEvents, type AppendResult, type KnownHead } from './episodeAppend';
import { storePack } from '../packs';
import { dropBlockHolding } from '../packs';
import { getDeviceId } from '../config';

export { appendEvents, ENDED_READ_ONLY, IMPORTED_READ_ONLY, type AppendResult, type AppendOptions, type KnownHead } from './episodeAppend';

export interface StartEpisodeInput {
  sop: unknown;
  sopHash: string;
  site: string;
  modality: string;
  operator?: string;
  /** Optional local reference. Never a patient identifier (no name, NHS number, date of birth). */
  localRef?: string;
  appVersion: string;
  at?: number;
  sopSource?: 'built-in' | 'local';
  /** Other SOPs the run can enter (the collapse pathway), stored by hash so a replay shows them as they were. */
  linkedSops?: Array<{ sop: unknown; sopHash: string }>;
}

const field = (doc: unknown, key: string): string => {
  const value = doc && typeof doc === 'object' ? (doc as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : '';
};

export async function startEpisode(input: StartEpisodeInput, db: LogDb = openLogDb()): Promise<EpisodeRow> {
  const linked = input.linkedSops ?? [];
  if (![input.sopHash, ...linked.map((item) => item.sopHash)].every((hash) => /^[0-9a-f]{64}$/.test(hash))) {
    throw new StorageError('invalid', { userMessage: 'The SOP has no valid content hash.' });
  }
  const at = input.at ?? Date.now();
  const episodeId = newEpisodeId(at);
  const sopId = field(input.sop, 'id');
  const sopVersion = field(input.sop, 'version');
  // In the chained first event, so another tablet's import knows whose record it is.
  const deviceId = await getDeviceId(db);
  const started = prepareEvent({
    type: 'episode-started',
    at,
    data: {
      sopId, sopVersion, sopHash: input.sopHash, site: input.site, modality: input.modality,
      operatorRole: input.operator ?? '', localRef: input.localRef ?? '', appVersion: input.appVersion, deviceId,
      ...(linked.length > 0 ? { linkedSopHashes: linked.map((item) => item.sopHash) } : {}),
    },
  });
  const [event] = await chainEvents({ seq: 0, hash: GENESIS_HASH }, [{ ...started, episodeId }]);
  if (!event) throw new StorageError('unknown');
  const episode = episodeFromStartEvent(event, 'local');
  try {
    await db.transaction('rw', [db.sops, db.episodes, db.events, db.monthlyStats, db.packBlocks], async () => {
      for (const { sop, sopHash } of [{ sop: input.sop, sopHash: input.sopHash }, ...linked]) {
        if (await db.sops.get(sopHash)) continue;
        await db.sops.add({
          hash: sopHash, id: field(sop, 'id'), version: field(sop, 'version'), status: field(sop, 'status'), title: field(sop, 'title'),
          source: input.sopSource ?? 'built-in', document: sop, storedAt: Date.now(),
        });
      }
      await db.episodes.add(episode);
      await db.events.add(event);
      await updateMonthlyStats(db.monthlyStats, null, episode);
      // Only when the clock has gone back past sealed history: a block must not miss an episode in its range.
      await dropBlockHolding(db.packBlocks, episode.id);
    });
  } catch (error) {
    throw toStorageError(error);
  }
  return episode;
}

export interface EndEpisodeInput {
  status: Exclude<EpisodeStatus, 'open'>;
  urgency?: Urgency;
  outcomeStepId?: string;
  reason?: string;
  at: number;
  id?: string;
  /** The head the caller last saw (see AppendOptions.knownHead). */
  knownHead?: KnownHead;
}

/**
 * Closes an episode by appending `episode-completed` or `abandoned`, then
 * stores its pack (the read copy exports use; see episodePacks.ts).
 */
export async function endEpisode(episodeId: string, input: EndEpisodeInput, db: LogDb = openLogDb()): Promise<AppendResult> {
  const data: Record<string, unknown> = {};
  if (input.urgency) data.urgency = input.urgency;
  if (input.reason) data.reason = input.reason;
  const type = input.status === 'completed' ? 'episode-completed' : 'abandoned';
  const event: NewEvent = { type, at: input.at, data, stepId: input.outcomeStepId ?? '' };
  if (input.id) event.id = input.id;
  const result = await appendEvents(episodeId, [event], input.knownHead ? { knownHead: input.knownHead } : {}, db);
  await storePack(episodeId, db);
  return result;
}
