// Verification of pack blocks: a block an export would use (its key range still
// holds exactly its episodes and events) must say exactly what the stored rows
// say, summary and chain; an edit to either copy is reported, as for packs.
import { oneByteJson, packDisagreement, packDiffersReason } from './episodePacks';
import { blockTables, type LogDb } from '../database';
import { blockMembers, type BlockKey, type BlockMember } from './packBlocks';
import type { EpisodeRow, EventRow, PackBlockRow } from '../database';

export interface HeldBy {
  block: PackBlockRow;
  /** Null when the block is not well formed (exports ignore it; verification reports it). */
  members: BlockMember[] | null;
}

/** Whether nothing was added to the block's range since it was sealed: only then do exports read it. */
async function isCurrent(db: LogDb, block: PackBlockRow): Promise<boolean> {
  const episodes = await db.episodes.where(':id').between(block.from, block.to, true, false).count();
  const events = await db.events.where(':id').between([block.from], [block.to], true, false).count();
  return episodes === block.episodeCount && events === block.eventCount;
}

/** The current blocks holding the given episodes, by episode id. Call inside a read transaction that includes the blocks. */
export async function blocksHolding(db: LogDb, ids: readonly string[]): Promise<Map<string, HeldBy>> {
  const held = new Map<string, HeldBy>();
  const [table] = blockTables(db);
  if (!table || ids.length === 0) return held;
  const keys = (await table.toCollection().primaryKeys()) as BlockKey[];
  const wanted = keys.filter(([from, to]) => ids.some((id) => from <= id && id < to));
  const blocks = (await table.bulkGet(wanted)).filter((block): block is PackBlockRow => block !== undefined);
  for (const block of blocks) {
    if (!(await isCurrent(db, block))) continue;
    const entry: HeldBy = { block, members: blockMembers(block) };
    for (const id of ids) if (block.from <= id && id < block.to) held.set(id, entry);
  }
  return held;
}

const bytesOfHex = (hex: string): Uint8Array => Uint8Array.from({ length: hex.length / 2 }, (_, at) => parseInt(hex.slice(at * 2, at * 2 + 2), 16));

/** Where the block's copy of the episode first differs from the stored summary and rows, with the reason; null when they agree. */
export function blockDisagreement(held: HeldBy, episode: EpisodeRow, rows: readonly EventRow[]): { brokenAt: number; reason: string } | null {
  const member = held.members?.find((item) => item.episode.id === episode.id);
  if (!member) return { brokenAt: 1, reason: 'The export copy of this part of the log is damaged or misses this episode: one of the two was changed after it was written.' };
  const pack = {
    episodeId: episode.id, lastSeq: member.events.length, headHash: member.episode.headHash, keys: held.block.keys,
    events: oneByteJson(member.events), hashes: bytesOfHex(member.hex),
  };
  const differsAt = packDisagreement(pack, rows);
  if (differsAt !== null) return { brokenAt: differsAt, reason: packDiffersReason(differsAt) };
  if (oneByteJson(member.episode) !== oneByteJson(episode)) {
    return { brokenAt: episode.lastSeq, reason: 'The export copy of this episode’s summary differs from the stored summary: one of the two was changed after it was written.' };
  }
  return null;
}
