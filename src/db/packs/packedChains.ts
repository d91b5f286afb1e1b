// An episode's chain as exports read it: either straight from its pack (the
// compact [id, type, stepId, data, at, mono] entries and the hashes as hex, no
// full event objects built) or from its stored event rows.
import { GENESIS_HASH, type EventRow, type PackRow } from '../database';

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
/** Each byte's two hex digits as one little-endian 16-bit code unit pair, so one store writes both. */
const HEX_PAIRS = Uint16Array.from({ length: 256 }, (_, byte) => HEX_CODES[byte >> 4]! | (HEX_CODES[byte & 15]! << 8));
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The hashes of many packs as hex, 64 characters apiece, one string per pack:
 * all worked out in one pass and one decoder call (a call per pack costs more
 * than the digits), each pack's text a slice of the whole.
 */
export function hexOfHashes(byteArrays: readonly Uint8Array[]): string[] {
  const total = byteArrays.reduce((sum, bytes) => sum + bytes.length, 0);
  const pairs = new Uint16Array(total);
  let at = 0;
  for (const bytes of byteArrays) {
    for (let index = 0; index < bytes.length; index += 1) pairs[at + index] = HEX_PAIRS[bytes[index]!]!;
    at += bytes.length;
  }
  if (!littleEndian) for (let index = 0; index < total; index += 1) pairs[index] = ((pairs[index]! & 0xff) << 8) | (pairs[index]! >> 8);
  const text = asciiText.decode(new Uint8Array(pairs.buffer));
  let offset = 0;
  return byteArrays.map((bytes) => {
    offset += bytes.length * 2;
    return text.slice(offset - bytes.length * 2, offset);
  });
}

export const wellFormed = (entry: unknown): entry is PackedEvent =>
  Array.isArray(entry) && entry.length === 6 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && typeof entry[2] === 'string'
  && isPlainObject(entry[3]) && Number.isFinite(entry[4]) && Number.isFinite(entry[5]);

/**
 * The pack's events as they are stored, or null when the pack is not well
 * formed (its rows are read instead). `hex` is its hashes as hex, when worked
 * out already for many packs at once.
 */
export function packedChain(pack: PackRow, hex?: string): Chain | null {
  let events: unknown;
  try {
    events = JSON.parse(pack.events);
  } catch {
    return null;
  }
  if (!Array.isArray(events) || !knownKeyOrder(pack.keys) || !isBytes(pack.hashes)) return null;
  if (pack.hashes.length !== events.length * HASH_BYTES || !events.every(wellFormed)) return null;
  return { kind: 'pack', episodeId: pack.episodeId, keys: pack.keys, events, hex: hex ?? hexOfHashes([pack.hashes])[0]! };
}

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
