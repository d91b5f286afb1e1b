// Schema version 5 keeps pack blocks (a few hundred ended episodes' summaries
// and packs in one row, keyed by the [from, to] id range it covers), so an
// export of 10,000 episodes reads about 40 rows rather than 20,000. The upgrade
// seals every run of ended, packed episodes into blocks, with a frozen copy of
// the block sealing as version 5 shipped it (packs/ may change how the app
// seals; this upgrade must keep writing what it wrote). Shipped: never edit this file.
import type { Table, Transaction } from 'dexie';
import { isEnded, oneByteJson, packFits, packReads, type Pack1, type StoredEpisode } from './packFormat1';
import type { SchemaVersion } from './schemaVersion';

/** A summary as stored: the block keeps all of it as JSON text. */
type Summary = StoredEpisode & Record<string, unknown>;

interface Block1 {
  from: string;
  to: string;
  episodeCount: number;
  eventCount: number;
  episodes: string;
  keys: string[];
  events: string;
  hashes: Uint8Array;
}

type BlockKey = [from: string, to: string];

interface Tables {
  episodes: Table<Summary, string>;
  packs: Table<Pack1, string>;
  packBlocks: Table<Block1, BlockKey>;
}

const BLOCK_EPISODES = 250;
const PAGE = 2_000;
const END = '\uffff';

// Episode ids (UUID version 7) begin with their creation time.
const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIME_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-/;
const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
const idTime = (id: string): number => (TIME_PREFIX.test(id) ? parseInt(id.slice(0, 8) + id.slice(9, 13), 16) : NaN);
function idPrefix(atMs: number): string {
  const time = hex(Math.max(0, Math.min(Math.floor(atMs), 2 ** 48 - 1)), 12);
  return `${time.slice(0, 8)}-${time.slice(8)}-`;
}

function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(jsonSafe);
}

const blockTime = (episode: Summary): number =>
  V7.test(episode.id) && idTime(episode.id) === Math.floor(episode.startedAt) ? idTime(episode.id) : NaN;

const blockable = (episode: Summary, pack: Pack1 | undefined): pack is Pack1 =>
  isEnded(episode) && Number.isFinite(blockTime(episode)) && packFits(pack, episode) && packReads(pack) && jsonSafe(episode);

type Member = { episode: Summary; pack: Pack1 };

function blockOf(members: readonly Member[]): Block1 {
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
    events: `[${members.map(({ pack }) => pack.events).join(',')}]`,
    hashes,
  };
}

/** Cuts a stream of episodes in id order into blocks: runs of blockable ones, broken by any other (and its millisecond). */
class BlockCutter {
  private run: Member[] = [];
  private spoiltMs = NaN;
  readonly blocks: Block1[] = [];

  add(episode: Summary, pack: Pack1 | undefined): void {
    const last = this.run[this.run.length - 1];
    const ms = blockTime(episode);
    if (!blockable(episode, pack) || ms === this.spoiltMs) return this.breakAt(idTime(episode.id));
    if (last && last.pack.keys.join() !== pack.keys.join()) {
      const split = blockTime(last.episode) === ms;
      this.breakAt(ms);
      if (split) return;
      this.spoiltMs = NaN;
    } else if (last && this.run.length >= BLOCK_EPISODES && blockTime(last.episode) !== ms) this.seal();
    this.run.push({ episode, pack });
  }

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

/** Seals the blockable episodes with ids in [low, high); `closed` seals the last run whatever its length. */
async function sealStretch(tables: Tables, low: string, high: string, closed: boolean): Promise<void> {
  const cutter = new BlockCutter();
  let after = low;
  // Every await here is on Dexie: a plain promise awaited inside the upgrade would let its transaction commit early.
  for (let first = true; ; first = false) {
    const page = await tables.episodes.where(':id').between(after, high, first, false).limit(PAGE).toArray();
    const [head, tail] = [page[0], page[page.length - 1]];
    const packs = head && tail ? await tables.packs.where(':id').between(head.id, tail.id, true, true).toArray() : [];
    const byId = new Map(packs.map((pack) => [pack.episodeId, pack]));
    for (const episode of page) cutter.add(episode, byId.get(episode.id));
    if (closed && page.length < PAGE) cutter.seal();
    const blocks = cutter.blocks.splice(0);
    if (blocks.length > 0) await tables.packBlocks.bulkPut(blocks);
    if (!tail || page.length < PAGE) break;
    after = tail.id;
  }
}

async function buildBlocks(tx: Transaction): Promise<void> {
  const tables: Tables = { episodes: tx.table('episodes'), packs: tx.table('packs'), packBlocks: tx.table('packBlocks') };
  const keys = (await tables.packBlocks.toCollection().primaryKeys()) as BlockKey[];
  let low = '';
  for (const [from, to] of keys) {
    if (from > low) await sealStretch(tables, low, from, true);
    low = to;
  }
  await sealStretch(tables, low, END, false);
}

export const v5: SchemaVersion = {
  version: 5,
  stores: {
    episodes:
      'id, startedAt, [sopId+startedAt], [site+startedAt], [modality+startedAt], [status+startedAt], [urgency+startedAt], [outcomeStepId+startedAt]',
    events: '[episodeId+seq]',
    sops: 'hash, id',
    snapshots: 'episodeId',
    directory: 'roleId',
    settings: 'key',
    monthlyStats: 'key, month',
    packs: 'episodeId',
    packBlocks: '[from+to]',
  },
  upgrade: buildBlocks,
};
