// An episode's chain as exports read it: either straight from its pack (the
// compact [id, type, stepId, data, at, mono] entries and the hashes as hex, no
// full event objects built) or from its stored event rows.
import { GENESIS_HASH, type EventRow, type PackRow } from './rows';

/** What a pack's text stores per event (see episodePacks.ts). */
export type PackedEvent = [id: string, type: string, stepId: string, data: Record<string, unknown>, at: number, mono: number];

export type Chain =
  | { kind: 'pack'; episodeId: string; keys: readonly string[]; events: PackedEvent[]; hex: string }
  | { kind: 'rows'; rows: EventRow[] };

const HASH_BYTES = 32;
/** Every field of a stored event; a pack records the order the rows had them in. */
export const EVENT_KEYS = ['episodeId', 'seq', 'id', 'type', 'stepId', 'data', 'at', 'mono', 'prevHash', 'hash'] as const;
const KNOWN_KEYS = new Set<string>(EVENT_KEYS);

/** The pack's key order names each stored field once. */
export const knownKeyOrder = (keys: unknown): keys is string[] =>
  Array.isArray(keys) && keys.length === EVENT_KEYS.length && new Set(keys).size === keys.length && keys.every((key) => KNOWN_KEYS.has(key));
const HEX_CODES = new TextEncoder().encode('0123456789abcdef');
/** By tag, not instanceof: a structured clone may come from another realm (a worker, or jsdom in tests). */
export const isBytes = (value: unknown): value is Uint8Array => Object.prototype.toString.call(value) === '[object Uint8Array]';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Hex digits are ASCII, so a Latin-1 decoder turns their codes into a string in one native call. */
const asciiText = new TextDecoder('latin1');

/** Every hash of a pack as one hex string, 64 characters apiece: one string built per pack rather than one per event. */
export function hexOfHashes(bytes: Uint8Array): string {
  const codes = new Uint8Array(bytes.length * 2);
  for (let at = 0; at < bytes.length; at += 1) {
    codes[at * 2] = HEX_CODES[bytes[at]! >> 4]!;
    codes[at * 2 + 1] = HEX_CODES[bytes[at]! & 15]!;
  }
  return asciiText.decode(codes);
}

export const wellFormed = (entry: unknown): entry is PackedEvent =>
  Array.isArray(entry) && entry.length === 6 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && typeof entry[2] === 'string'
  && isPlainObject(entry[3]) && Number.isFinite(entry[4]) && Number.isFinite(entry[5]);

/** The pack's events as they are stored, or null when the pack is not well formed (its rows are read instead). */
export function packedChain(pack: PackRow): Chain | null {
  let events: unknown;
  try {
    events = JSON.parse(pack.events);
  } catch {
    return null;
  }
  if (!Array.isArray(events) || !knownKeyOrder(pack.keys) || !isBytes(pack.hashes)) return null;
  if (pack.hashes.length !== events.length * HASH_BYTES || !events.every(wellFormed)) return null;
  return { kind: 'pack', episodeId: pack.episodeId, keys: pack.keys, events, hex: hexOfHashes(pack.hashes) };
}

export const chainLength = (chain: Chain): number => (chain.kind === 'pack' ? chain.events.length : chain.rows.length);

/** The first event's type and data, where an episode's linked SOPs are named. */
export function firstEvent(chain: Chain): { type: string; data: Record<string, unknown> } | undefined {
  if (chain.kind === 'rows') return chain.rows[0];
  const first = chain.events[0];
  return first && { type: first[1], data: first[3] };
}

/** Event `index`'s hash and the one before it (the genesis link for the first). */
export function packHash(hex: string, index: number): string {
  return hex.slice(index * 64, index * 64 + 64);
}

export const packPrevHash = (hex: string, index: number): string => (index === 0 ? GENESIS_HASH : packHash(hex, index - 1));
