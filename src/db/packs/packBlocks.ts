// Pack blocks: one derived row holding the summaries and packs of a few hundred
// consecutive ended episodes, because an export's read costs mostly per row
// (two rows per episode before). The events table stays the record; a block is
// a read copy, used only while its key range holds exactly what it held.
import { idPrefix, idTime, isTimeOrderedId } from '../log';
import { isEnded, oneByteJson, packFits } from './episodePacks';
import { hexOfHashes, isBytes, knownKeyOrder, packedChain, type PackedEvent, wellFormed } from './packedChains';
import type { EpisodeRow, PackBlockRow, PackRow } from '../database';

const HASH_BYTES = 32;

/** An episode as a block holds it: its summary, its pack's entries and its hashes as hex. */
export interface BlockMember {
  episode: EpisodeRow;
  events: PackedEvent[];
  hex: string;
}

export type BlockKey = [from: string, to: string];

/** The events of a block's episodes: every [episodeId, seq] key with an id in [from, to). */
export const blockEventRange = ([from, to]: BlockKey): IDBKeyRange => IDBKeyRange.bound([from], [to], false, true);

export const blockIdRange = ([from, to]: BlockKey): IDBKeyRange => IDBKeyRange.bound(from, to, false, true);

/** Only plain JSON values (finite numbers, no undefined): a summary that a JSON round trip would change cannot be kept as text. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(jsonSafe);
}

/** The millisecond a block may file an episode under: its id's time prefix, which must be its start time. */
export function blockTime(episode: EpisodeRow): number {
  return isTimeOrderedId(episode.id) && idTime(episode.id) === Math.floor(episode.startedAt) ? idTime(episode.id) : NaN;
}

/** Whether an episode can go into a block: ended, a time-ordered id, a pack at its head that reads, a summary that is plain JSON. */
export function blockable(episode: EpisodeRow, pack: PackRow | undefined): pack is PackRow {
  return isEnded(episode) && Number.isFinite(blockTime(episode)) && packFits(pack, episode) && packedChain(pack) !== null && jsonSafe(episode);
}

/** The block of consecutive blockable episodes (id order, one key order, whole milliseconds to themselves). */
export function blockOf(members: ReadonlyArray<{ episode: EpisodeRow; pack: PackRow }>): PackBlockRow {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  const hashes = new Uint8Array(members.reduce((sum, { pack }) => sum + pack.hashes.length, 0));
  let at = 0;
  for (const { pack } of members) {
    hashes.set(pack.hashes, at);
    at += pack.hashes.length;
  }
  return {
    from: idPrefix(blockTime(first.episode)),
    to: idPrefix(blockTime(last.episode) + 1),
    episodeCount: members.length,
    eventCount: members.reduce((sum, { episode }) => sum + episode.lastSeq, 0),
    episodes: oneByteJson(members.map(({ episode }) => episode)),
    keys: first.pack.keys,
    // Each pack's text is already the JSON of its entries: joined, not parsed and written again.
    events: `[${members.map(({ pack }) => pack.events).join(',')}]`,
    hashes,
  };
}

function parsed(text: unknown): unknown[] | null {
  if (typeof text !== 'string') return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

const summaryShaped = (value: unknown): value is EpisodeRow => {
  const row = value as EpisodeRow;
  return typeof value === 'object' && value !== null && typeof row.id === 'string' && typeof row.headHash === 'string' && Number.isInteger(row.lastSeq)
    && Number.isFinite(row.startedAt) && Array.isArray(row.contacts) && isEnded(row);
};

/**
 * The episodes a block holds, or null when it is not well formed (text that
 * does not parse, counts or ids out of place, a chain that does not end at its
 * summary's head): such a block is ignored and its range read otherwise.
 */
export function blockMembers(block: PackBlockRow): BlockMember[] | null {
  const episodes = parsed(block.episodes);
  const chains = parsed(block.events);
  if (!episodes || !chains || episodes.length !== block.episodeCount || chains.length !== block.episodeCount) return null;
  if (!knownKeyOrder(block.keys) || !isBytes(block.hashes) || block.hashes.length !== block.eventCount * HASH_BYTES) return null;
  const [hex] = hexOfHashes([block.hashes]);
  const members: BlockMember[] = [];
  let offset = 0;
  let previousId = '';
  for (let index = 0; index < episodes.length; index += 1) {
    const episode = episodes[index];
    const events = chains[index];
    if (!summaryShaped(episode) || !Array.isArray(events) || events.length !== episode.lastSeq || !events.every(wellFormed)) return null;
    if (!(episode.id > previousId && episode.id >= block.from && episode.id < block.to) || !Number.isFinite(blockTime(episode))) return null;
    const own = hex!.slice(offset * 64, (offset + events.length) * 64);
    offset += events.length;
    if (offset > block.eventCount || own.slice(-64) !== episode.headHash) return null;
    members.push({ episode, events, hex: own });
    previousId = episode.id;
  }
  return offset === block.eventCount ? members : null;
}
