// The only way events enter the log: start, append, end. Hashes are computed
// before the transaction opens (awaiting WebCrypto inside one lets IndexedDB
// commit early); the transaction then re-checks the head so a stale tab can
// never fork a chain, and writes the events and summary together or not at all.
import { toStorageError, ChainConflictError, StorageError } from './errors';
import { chainEvents } from './eventHash';
import { withEpisodeLock } from './episodeLock';
import { applyEvent, episodeFromStartEvent } from './episodeSummary';
import { newEpisodeId } from './episodeId';
import { openLogDb, type LogDb } from './logDb';
import { updateMonthlyStats } from './monthlyStats';
import { prepareEvent, prepareEvents, type NewEvent, type PreparedEvent } from './newEvents';
import { GENESIS_HASH, type EpisodeRow, type EventRow, type EpisodeStatus, type Urgency } from './rows';

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

export interface AppendResult {
  episode: EpisodeRow;
  events: EventRow[];
  /** True when a retry found these exact events already stored. */
  alreadyStored: boolean;
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
  const started = prepareEvent({
    type: 'episode-started',
    at,
    data: {
      sopId, sopVersion, sopHash: input.sopHash, site: input.site, modality: input.modality,
      operatorRole: input.operator ?? '', localRef: input.localRef ?? '', appVersion: input.appVersion,
      ...(linked.length > 0 ? { linkedSopHashes: linked.map((item) => item.sopHash) } : {}),
    },
  });
  const [event] = await chainEvents({ seq: 0, hash: GENESIS_HASH }, [{ ...started, episodeId }]);
  if (!event) throw new StorageError('unknown');
  const episode = episodeFromStartEvent(event, 'local');
  try {
    await db.transaction('rw', [db.sops, db.episodes, db.events, db.monthlyStats], async () => {
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
    });
  } catch (error) {
    throw toStorageError(error);
  }
  return episode;
}

async function storedTail(db: LogDb, episode: EpisodeRow, count: number): Promise<EventRow[]> {
  const from = Math.max(1, episode.lastSeq - count + 1);
  return db.events.where('[episodeId+seq]').between([episode.id, from], [episode.id, episode.lastSeq], true, true).toArray();
}

/** How many of the batch's first events are already the chain's last ones (a retry after an ambiguous failure). */
async function alreadyStoredCount(db: LogDb, head: EpisodeRow, batch: readonly PreparedEvent[]): Promise<number> {
  const tail = await storedTail(db, head, batch.length);
  for (let count = Math.min(batch.length, tail.length); count > 0; count -= 1) {
    const stored = tail.slice(tail.length - count);
    if (stored.every((row, index) => row.id === batch[index]!.id)) return count;
  }
  return 0;
}

/**
 * Appends events to an episode's chain in one strict transaction. Safe to retry
 * with the same prepared events (same ids): a batch already stored is reported,
 * not written twice. `afterSeq`, when given, is the head the caller last saw.
 */
export async function appendEvents(
  episodeId: string,
  events: readonly NewEvent[],
  options: { afterSeq?: number } = {},
  db: LogDb = openLogDb(),
): Promise<AppendResult> {
  const prepared = prepareEvents(events);
  if (prepared.length === 0) throw new StorageError('invalid', { userMessage: 'There was nothing to save.' });
  try {
    return await withEpisodeLock(episodeId, async () => {
      const head = await db.episodes.get(episodeId);
      if (!head) throw new StorageError('not-found');
      const stored = events.every((event) => event.id !== undefined) ? await alreadyStoredCount(db, head, prepared) : 0;
      if (stored === prepared.length) {
        return { episode: head, events: await storedTail(db, head, stored), alreadyStored: true };
      }
      const afterSeq = options.afterSeq === undefined ? undefined : options.afterSeq + stored;
      if (afterSeq !== undefined && afterSeq !== head.lastSeq) throw new ChainConflictError(afterSeq, head.lastSeq);
      const fresh = prepared.slice(stored).map((event) => ({ ...event, episodeId }));
      const rows = await chainEvents({ seq: head.lastSeq, hash: head.headHash }, fresh);
      const episode = rows.reduce(applyEvent, head);
      await db.transaction('rw', [db.episodes, db.events, db.monthlyStats], async () => {
        const current = await db.episodes.get(episodeId);
        if (!current || current.lastSeq !== head.lastSeq || current.headHash !== head.headHash) {
          throw new ChainConflictError(head.lastSeq, current?.lastSeq ?? -1);
        }
        await db.events.bulkAdd(rows);
        await db.episodes.put(episode);
        await updateMonthlyStats(db.monthlyStats, head, episode);
      });
      return { episode, events: rows, alreadyStored: false };
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

export interface EndEpisodeInput {
  status: Exclude<EpisodeStatus, 'open'>;
  urgency?: Urgency;
  outcomeStepId?: string;
  reason?: string;
  at: number;
  id?: string;
}

/** Closes an episode by appending `episode-completed` or `abandoned`. */
export function endEpisode(episodeId: string, input: EndEpisodeInput, db: LogDb = openLogDb()): Promise<AppendResult> {
  const data: Record<string, unknown> = {};
  if (input.urgency) data.urgency = input.urgency;
  if (input.reason) data.reason = input.reason;
  const type = input.status === 'completed' ? 'episode-completed' : 'abandoned';
  const event: NewEvent = { type, at: input.at, data, stepId: input.outcomeStepId ?? '' };
  if (input.id) event.id = input.id;
  return appendEvents(episodeId, [event], {}, db);
}
