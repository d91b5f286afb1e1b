// When pack blocks are made: a stretch of the log between blocks is read in id
// order and its runs of blockable episodes are cut into blocks of about
// BLOCK_EPISODES, never splitting a millisecond (a block's key range is whole
// milliseconds, so an episode filed under one of them is always inside it).
import type { Table, Transaction } from 'dexie';
import { idTime } from '../log';
import type { LogDb } from '../database';
import { blockable, blockOf, blockTime, type BlockKey } from './packBlocks';
import type { EpisodeRow, PackBlockRow, PackRow } from '../database';

/** Episodes per block: about 1 MB of runner-shaped events, and the export's chunk size. */
export const BLOCK_EPISODES = 250;
const PAGE = 2_000;
const END = '\uffff';

export interface BlockTables {
  episodes: Table<EpisodeRow, string>;
  packs: Table<PackRow, string>;
  packBlocks: Table<PackBlockRow, BlockKey>;
}

type Member = { episode: EpisodeRow; pack: PackRow };

/** Cuts a stream of episodes in id order into blocks: runs of blockable ones, broken by any other (and its millisecond). */
class BlockCutter {
  private run: Member[] = [];
  private spoiltMs = NaN;
  readonly blocks: PackBlockRow[] = [];

  constructor(private readonly size: number) {}

  add(episode: EpisodeRow, pack: PackRow | undefined): void {
    const last = this.run[this.run.length - 1];
    const ms = blockTime(episode);
    if (!blockable(episode, pack) || ms === this.spoiltMs) return this.breakAt(idTime(episode.id));
    // A block has one key order: rows written another way (an import keeps the file's) start a block of their own.
    if (last && last.pack.keys.join() !== pack.keys.join()) {
      const split = blockTime(last.episode) === ms;
      this.breakAt(ms);
      // A millisecond with episodes of both key orders can be in neither block.
      if (split) return;
      this.spoiltMs = NaN;
    } else if (last && this.run.length >= this.size && blockTime(last.episode) !== ms) this.seal();
    this.run.push({ episode, pack });
  }

  /** An episode that cannot be in a block: the run before it is sealed, without any episode of its millisecond. */
  private breakAt(ms: number): void {
    while (this.run.length > 0 && blockTime(this.run[this.run.length - 1]!.episode) === ms) this.run.pop();
    this.seal();
    this.spoiltMs = ms;
  }

  seal(): void {
    if (this.run.length > 0) this.blocks.push(blockOf(this.run));
    this.run = [];
  }
}

/**
 * Seals the blockable episodes with ids in [low, high), which no block covers.
 * `closed`: the stretch ends at a block (or is a block's old range), so its
 * last run is sealed whatever its length; at the newest end of the log the
 * last run waits until it is long enough. Resolves with the blocks written.
 */
export async function sealStretch(tables: BlockTables, low: string, high: string, closed: boolean, size = BLOCK_EPISODES): Promise<number> {
  const cutter = new BlockCutter(size);
  let written = 0;
  let after = low;
  // Every await here is on Dexie: a plain promise awaited inside its transaction would let the transaction commit early.
  for (let first = true; ; first = false) {
    const page = await tables.episodes.where(':id').between(after, high, first, false).limit(PAGE).toArray();
    const [head, tail] = [page[0], page[page.length - 1]];
    const packs = head && tail ? await tables.packs.where(':id').between(head.id, tail.id, true, true).toArray() : [];
    const byId = new Map(packs.map((pack) => [pack.episodeId, pack]));
    for (const episode of page) cutter.add(episode, byId.get(episode.id));
    if (closed && page.length < PAGE) cutter.seal();
    const blocks = cutter.blocks.splice(0);
    written += blocks.length;
    if (blocks.length > 0) await tables.packBlocks.bulkPut(blocks);
    if (!tail || page.length < PAGE) break;
    after = tail.id;
  }
  return written;
}

/** The tables as bound to one transaction, so every read and write is in it however many plain awaits lie between. */
const tablesOf = (tx: Transaction): BlockTables => ({
  episodes: tx.table<EpisodeRow, string>('episodes'), packs: tx.table<PackRow, string>('packs'), packBlocks: tx.table<PackBlockRow, BlockKey>('packBlocks'),
});

/** Seals every stretch between blocks (a bulk load, an import, the version 5 upgrade). */
async function sealAllStretches(tables: BlockTables, size = BLOCK_EPISODES): Promise<number> {
  const keys = (await tables.packBlocks.toCollection().primaryKeys()) as BlockKey[];
  let low = '';
  let written = 0;
  for (const [from, to] of keys) {
    if (from > low) written += await sealStretch(tables, low, from, true, size);
    low = to;
  }
  return written + (await sealStretch(tables, low, END, false, size));
}

/** Seals what can be sealed anywhere in the log, in one transaction. Resolves with the blocks written (0 on failure: blocks are only a copy). */
export async function sealBlocks(db: LogDb, size = BLOCK_EPISODES): Promise<number> {
  try {
    return await db.transaction('rw', [db.episodes, db.packs, db.packBlocks], (tx) => sealAllStretches(tablesOf(tx), size));
  } catch {
    return 0;
  }
}

type Work = { drop: BlockKey | null; low: string; high: string; closed: boolean } | null;

/** What sealing around an episode involves: the block holding it, or the stretch where it sits (null: nothing yet). */
async function workAround(tables: BlockTables, episodeId: string, size: number): Promise<Work> {
  const keys = (await tables.packBlocks.toCollection().primaryKeys()) as BlockKey[];
  const holding = keys.find(([from, to]) => from <= episodeId && episodeId < to);
  if (holding) return { drop: holding, low: holding[0], high: holding[1], closed: true };
  const low = keys.filter(([, to]) => to <= episodeId).pop()?.[1] ?? '';
  const high = keys.find(([from]) => from > episodeId)?.[0];
  if (high === undefined && (await tables.episodes.where(':id').between(low, END, true, false).count()) < size) return null;
  return { drop: null, low, high: high ?? END, closed: high !== undefined };
}

/**
 * After an episode's pack is stored: the block holding it is made again from
 * what is stored now, or the stretch between blocks where it sits is sealed
 * (at the newest end of the log only once it holds a block's worth). Looked
 * at in a read-only transaction first, so the usual end of an episode, with
 * nothing to seal, writes nothing.
 */
export async function sealAround(db: LogDb, episodeId: string, size = BLOCK_EPISODES): Promise<number> {
  try {
    const tables = [db.episodes, db.packs, db.packBlocks];
    if (!(await db.transaction('r', tables, (tx) => workAround(tablesOf(tx), episodeId, size)))) return 0;
    return await db.transaction('rw', tables, async (tx) => {
      const work = await workAround(tablesOf(tx), episodeId, size);
      if (!work) return 0;
      if (work.drop) await tablesOf(tx).packBlocks.delete(work.drop);
      return sealStretch(tablesOf(tx), work.low, work.high, work.closed, size);
    });
  } catch {
    return 0;
  }
}
