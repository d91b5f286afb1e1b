// The runner's write queue for one episode. Events are given ids the moment
// they are queued, so a failed write (full disk, blocked database) can be
// retried with exactly the same events and is never doubled or half-written.
// The queue keeps everything unsaved in memory until the write succeeds.
import { appendEvents, type AppendResult } from './episodeAppend';
import { toStorageError, type StorageError } from '../database';
import { openLogDb, type LogDb } from '../database';
import { prepareEvents, type NewEvent, type PreparedEvent } from './newEvents';

export interface EpisodeWriter {
  /** Queues and writes; rejects with a StorageError and keeps the events for retry(). */
  write(events: readonly NewEvent[]): Promise<AppendResult>;
  /** Writes whatever is still queued. */
  retry(): Promise<AppendResult | null>;
  pending(): readonly PreparedEvent[];
  lastError(): StorageError | null;
}

export function createEpisodeWriter(episodeId: string, db: LogDb = openLogDb()): EpisodeWriter {
  let queue: PreparedEvent[] = [];
  let error: StorageError | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let lastResult: AppendResult | null = null;

  const flush = async (): Promise<AppendResult | null> => {
    if (queue.length === 0) return null;
    const batch = queue;
    try {
      const result = await appendEvents(episodeId, batch, {}, db);
      queue = queue.slice(batch.length);
      error = null;
      lastResult = result;
      return result;
    } catch (caught) {
      error = toStorageError(caught);
      throw error;
    }
  };

  // One write at a time, in order: a later write must not overtake a failed one.
  const serialised = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  return {
    write(events) {
      queue = [...queue, ...prepareEvents(events)];
      return serialised(async () => {
        // An earlier retry() may already have written these events.
        const result = (await flush()) ?? lastResult;
        if (!result) throw toStorageError(new Error('Nothing to write'));
        return result;
      });
    },
    retry: () => serialised(flush),
    pending: () => queue,
    lastError: () => error,
  };
}
