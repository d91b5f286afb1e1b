// Checks events handed to the log by the runner before anything is hashed:
// a malformed event is refused whole, and data is normalised through JSON so
// the stored value is exactly the value that was hashed.
import { StorageError } from '../database';
import type { EventRow } from '../database';

export interface NewEvent {
  /** Client-generated id; pass the same id when retrying so the write is not doubled. */
  id?: string;
  type: string;
  stepId?: string;
  data?: Record<string, unknown>;
  /** Wall-clock epoch ms of the event. */
  at: number;
  /** Monotonic ms; defaults to performance.timeOrigin + performance.now() at the call. */
  mono?: number;
}

/** An event checked and normalised, before the chain fields are added. */
export type PreparedEvent = Omit<EventRow, 'episodeId' | 'seq' | 'prevHash' | 'hash'>;

export function monotonicNow(): number {
  return performance.timeOrigin + performance.now();
}

function invalid(message: string): StorageError {
  return new StorageError('invalid', { userMessage: `The log refused an event: ${message}` });
}

export function prepareEvent(event: NewEvent): PreparedEvent {
  if (!event || typeof event.type !== 'string' || event.type.length === 0) throw invalid('it has no type.');
  if (!Number.isFinite(event.at)) throw invalid(`"${event.type}" has no valid time.`);
  if (event.stepId !== undefined && typeof event.stepId !== 'string') throw invalid(`"${event.type}" has a step id that is not text.`);
  const rawData = event.data ?? {};
  if (typeof rawData !== 'object' || Array.isArray(rawData)) throw invalid(`"${event.type}" data is not an object.`);
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(JSON.stringify(rawData)) as Record<string, unknown>;
  } catch {
    throw invalid(`"${event.type}" data cannot be stored.`);
  }
  const mono = event.mono ?? monotonicNow();
  if (!Number.isFinite(mono)) throw invalid(`"${event.type}" has no valid monotonic time.`);
  return { id: event.id ?? globalThis.crypto.randomUUID(), type: event.type, stepId: event.stepId ?? '', data, at: event.at, mono };
}

/** Gives events their ids up front, so a caller can keep the batch and retry it safely. */
export function prepareEvents(events: readonly NewEvent[]): PreparedEvent[] {
  return events.map(prepareEvent);
}
