// The hash chain: each event's SHA-256 covers its content and the previous
// event's hash, so any edit, deletion or reordering shows up on verification.
// Tamper-evident, not tamper-proof: it proves something only against a chain
// head recorded elsewhere (every export ends with it).
import { GENESIS_HASH, type EventRow } from '../database';

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export type UnhashedEvent = Omit<EventRow, 'hash'>;

export function hashEvent(event: UnhashedEvent): Promise<string> {
  const { episodeId, seq, id, type, stepId, data, at, mono, prevHash } = event;
  return sha256Hex(canonicalJson({ episodeId, seq, id, type, stepId, data, at, mono, prevHash }));
}

/** Links events onto a chain head, in order. Runs outside any IndexedDB transaction. */
export async function chainEvents(head: { seq: number; hash: string }, events: readonly Omit<UnhashedEvent, 'seq' | 'prevHash'>[]): Promise<EventRow[]> {
  const linked: EventRow[] = [];
  let prevHash = head.hash;
  let seq = head.seq;
  for (const event of events) {
    seq += 1;
    const unhashed: UnhashedEvent = { ...event, seq, prevHash };
    const hash = await hashEvent(unhashed);
    linked.push({ ...unhashed, hash });
    prevHash = hash;
  }
  return linked;
}

export type ChainCheck = { ok: true; head: string; seq: number } | { ok: false; brokenAt: number; reason: string };

/** Walks a chain from the genesis link and reports the first broken one. */
export async function verifyChain(episodeId: string, events: readonly EventRow[]): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    if (event.episodeId !== episodeId) return { ok: false, brokenAt: event.seq, reason: `Event ${event.seq} belongs to another episode.` };
    if (event.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: `Event ${expectedSeq} is missing (found ${event.seq} instead).` };
    if (event.prevHash !== prevHash) return { ok: false, brokenAt: event.seq, reason: `Event ${event.seq} does not link to the event before it.` };
    const { hash, ...unhashed } = event;
    if ((await hashEvent(unhashed)) !== hash) return { ok: false, brokenAt: event.seq, reason: `Event ${event.seq} was changed after it was written.` };
    prevHash = hash;
    expectedSeq += 1;
  }
  if (events.length === 0) return { ok: false, brokenAt: 1, reason: 'The episode has no events.' };
  return { ok: true, head: prevHash, seq: expectedSeq - 1 };
}
