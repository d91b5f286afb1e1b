// The pack format as schema versions 4 and 5 shipped it, pinned for their
// upgrades: one pack row per ended episode (its chain as one-byte JSON text of
// [id, type, stepId, data, at, mono] entries, its hashes as bytes, its rows' key
// order). packs/ may move on to another format; what these upgrades write must
// not. Shipped: never edit this file (a new format gets a new pinned module).

/** An event row as versions 1 to 5 stored it. */
export interface StoredEvent {
  episodeId: string;
  seq: number;
  id: string;
  type: string;
  stepId: string;
  data: Record<string, unknown>;
  at: number;
  mono: number;
  prevHash: string;
  hash: string;
}

/** The summary fields the packing upgrades read. */
export interface StoredEpisode {
  id: string;
  status: string;
  startedAt: number;
  lastSeq: number;
  headHash: string;
}

export interface Pack1 {
  episodeId: string;
  lastSeq: number;
  headHash: string;
  keys: string[];
  events: string;
  hashes: Uint8Array;
}

const GENESIS_HASH = '0'.repeat(64);
const HASH_BYTES = 32;
const HEX_HASH = /^[0-9a-f]{64}$/;
const EVENT_KEYS = ['episodeId', 'seq', 'id', 'type', 'stepId', 'data', 'at', 'mono', 'prevHash', 'hash'];
const KNOWN_KEYS = new Set<string>(EVENT_KEYS);

const knownKeyOrder = (keys: unknown): keys is string[] =>
  Array.isArray(keys) && keys.length === EVENT_KEYS.length && new Set(keys).size === keys.length && keys.every((key) => KNOWN_KEYS.has(key));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isBytes = (value: unknown): value is Uint8Array => Object.prototype.toString.call(value) === '[object Uint8Array]';

/** JSON with every character above U+00FF written as a \u escape (one byte per character when stored). */
export const oneByteJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u0100-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

function hashBytes(rows: readonly StoredEvent[]): Uint8Array {
  const bytes = new Uint8Array(rows.length * HASH_BYTES);
  rows.forEach((row, index) => {
    for (let at = 0; at < HASH_BYTES; at += 1) bytes[index * HASH_BYTES + at] = parseInt(row.hash.slice(at * 2, at * 2 + 2), 16);
  });
  return bytes;
}

function packable(rows: readonly StoredEvent[], keys: readonly string[]): boolean {
  if (!knownKeyOrder(keys)) return false;
  let prevHash = GENESIS_HASH;
  return rows.every((row, index) => {
    const rowKeys = Object.keys(row);
    const sameOrder = rowKeys.length === keys.length && rowKeys.every((key, at) => key === keys[at]);
    const ok = sameOrder && row.seq === index + 1 && row.prevHash === prevHash && typeof row.id === 'string' && typeof row.type === 'string'
      && typeof row.stepId === 'string' && isPlainObject(row.data) && Number.isFinite(row.at) && Number.isFinite(row.mono) && HEX_HASH.test(row.hash);
    prevHash = row.hash;
    return ok;
  });
}

/** The pack of an episode's stored rows, or null when they cannot be packed exactly. */
export function packOf(episodeId: string, rows: readonly StoredEvent[]): Pack1 | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || rows.some((row) => row.episodeId !== episodeId)) return null;
  const keys = Object.keys(first);
  if (!packable(rows, keys)) return null;
  const packed = rows.map((row) => [row.id, row.type, row.stepId, row.data, row.at, row.mono]);
  return { episodeId, lastSeq: last.seq, headHash: last.hash, keys, events: oneByteJson(packed), hashes: hashBytes(rows) };
}

/** A pack answers for an episode only when it ends at the episode's recorded head. */
export const packFits = (pack: Pack1 | undefined, episode: StoredEpisode): pack is Pack1 =>
  pack !== undefined && pack.lastSeq === episode.lastSeq && pack.headHash === episode.headHash;

/** Packs are kept for ended episodes only. */
export const isEnded = (episode: StoredEpisode): boolean => episode.status !== 'open';

const wellFormed = (entry: unknown): boolean =>
  Array.isArray(entry) && entry.length === 6 && typeof entry[0] === 'string' && typeof entry[1] === 'string' && typeof entry[2] === 'string'
  && isPlainObject(entry[3]) && Number.isFinite(entry[4]) && Number.isFinite(entry[5]);

/** Whether a stored pack reads (its text parses to well-formed entries, one hash per entry). */
export function packReads(pack: Pack1): boolean {
  let events: unknown;
  try {
    events = JSON.parse(pack.events);
  } catch {
    return false;
  }
  return Array.isArray(events) && knownKeyOrder(pack.keys) && isBytes(pack.hashes) && pack.hashes.length === events.length * HASH_BYTES
    && events.every(wellFormed);
}
