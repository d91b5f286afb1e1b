// Episode packs: one derived row per ended episode holding its whole chain as
// compact JSON text plus its hashes as bytes, because reading a range of event
// rows costs per row and per byte, and exports read 100,000 events at once. The
// events table stays the record; a pack is a read copy, used only when it
// matches the episode's head.
// What a pack's text stores per event (PackedEvent): the hash is in `hashes`, and episode id, seq and previous hash follow from its place.
import { EVENT_KEYS, isBytes, knownKeyOrder, packedChain, packHash, packPrevHash, type PackedEvent } from './packedChains';
import { GENESIS_HASH, type EpisodeRow, type EventRow, type PackRow } from '../database';

/** Every field of a stored event (EVENT_KEYS). A pack keeps the rows' own key order so exports stay byte-identical. */
type EventKey = (typeof EVENT_KEYS)[number];

const HASH_BYTES = 32;
const HEX_HASH = /^[0-9a-f]{64}$/;


function hashBytes(rows: readonly EventRow[]): Uint8Array {
  const bytes = new Uint8Array(rows.length * HASH_BYTES);
  rows.forEach((row, index) => {
    for (let at = 0; at < HASH_BYTES; at += 1) bytes[index * HASH_BYTES + at] = parseInt(row.hash.slice(at * 2, at * 2 + 2), 16);
  });
  return bytes;
}


/**
 * JSON with every character above U+00FF written as a \u escape: one such
 * character would make the browser hold and store the whole text at two bytes
 * per character, and bytes are what a read costs.
 */
export const oneByteJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u0100-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether the rows can be packed exactly: one key order, every field present, seq and links in order. */
function packable(rows: readonly EventRow[], keys: readonly string[]): boolean {
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

/**
 * The pack of an episode's stored rows, or null when they cannot be packed
 * exactly (a broken or oddly shaped chain): such an episode is read from rows.
 */
export function packOf(episodeId: string, rows: readonly EventRow[]): PackRow | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || rows.some((row) => row.episodeId !== episodeId)) return null;
  const keys = Object.keys(first);
  if (!packable(rows, keys)) return null;
  const packed = rows.map((row): PackedEvent => [row.id, row.type, row.stepId, row.data, row.at, row.mono]);
  return {
    episodeId, lastSeq: last.seq, headHash: last.hash, keys, events: oneByteJson(packed), hashes: hashBytes(rows),
  };
}

/** A pack answers for an episode only when it ends at the episode's recorded head (no event was added since). */
export function packFits(pack: PackRow | undefined, episode: EpisodeRow): pack is PackRow {
  return pack !== undefined && pack.lastSeq === episode.lastSeq && pack.headHash === episode.headHash;
}

/** The event rows a pack holds, each with the key order the stored rows have; null when the pack is not well formed. */
export function unpack(pack: PackRow): EventRow[] | null {
  const chain = packedChain(pack);
  if (chain?.kind !== 'pack') return null;
  return chain.events.map(([id, type, stepId, data, at, mono], index) => {
    const values: Record<EventKey, unknown> = {
      episodeId: pack.episodeId, seq: index + 1, id, type, stepId, data, at, mono, prevHash: packPrevHash(chain.hex, index), hash: packHash(chain.hex, index),
    };
    const row: Record<string, unknown> = {};
    for (const key of chain.keys) row[key] = values[key as EventKey];
    return row as unknown as EventRow;
  });
}

const sameBytes = (a: Uint8Array, b: unknown): boolean =>
  isBytes(b) && a.length === b.length && a.every((byte, index) => byte === b[index]);

/**
 * Where an episode's pack first says something its rows do not (either copy
 * may have been edited): the sequence number, or null when they agree.
 */
export function packDisagreement(pack: PackRow, rows: readonly EventRow[]): number | null {
  const fromRows = packOf(pack.episodeId, rows);
  const same = fromRows !== null && fromRows.events === pack.events && fromRows.lastSeq === pack.lastSeq && fromRows.headHash === pack.headHash
    && fromRows.keys.join() === pack.keys.join() && sameBytes(fromRows.hashes, pack.hashes);
  if (same) return null;
  const copy = unpack(pack) ?? [];
  const length = Math.max(copy.length, rows.length);
  for (let index = 0; index < length; index += 1) {
    if (JSON.stringify(copy[index]) !== JSON.stringify(rows[index])) return index + 1;
  }
  return 1;
}

export const packDiffersReason = (seq: number): string =>
  `The export copy of event ${seq} differs from the stored event: one of the two was changed after it was written.`;

/** Packs are kept for ended episodes only: an open one still grows. */
export const isEnded = (episode: EpisodeRow): boolean => episode.status !== 'open';
