// One chunk of an export on its way through (see exportReads.ts): its episode
// summaries, then their chains (from packs, else from event rows), then the
// text the export's format makes of it, made as soon as the chunk is complete.
import { isEnded, packFits } from '../packs';
import { linkedSopHashes } from '../log';
import { firstEvent, hexOfHashes, isBytes, packedChain, type Chain } from '../packs';
import type { RequestQueue } from '../database';
import type { EpisodeRow, EventRow, PackRow } from '../database';

export interface ExportEntry {
  episode: EpisodeRow;
  /** The episode's events; null in an export of summaries only. */
  chain: Chain | null;
}

export interface ExportRead {
  /** Matching episodes, oldest first (equal start times by id). */
  episodes: EpisodeRow[];
  /** What `format` returned for each chunk, in order. */
  parts: string[];
  /** Every SOP the episodes ran or could enter (the collapse pathway), in first-seen order. */
  sopHashes: string[];
}

export interface ExportReadOptions {
  withEvents: boolean;
  /** Episodes per chunk: smaller chunks start formatting sooner, larger ones cost fewer requests. */
  chunkEpisodes?: number;
}

const NO_BYTES = new Uint8Array(0);

export type Format = (entries: ExportEntry[]) => string;

/** One chunk of episodes on its way through: rows, then chains, then formatted. */
export class Chunk {
  rows: EpisodeRow[] = [];
  chains = new Map<string, Chain>();
  waiting = 0;
  part = '';
  linked: string[] = [];

  /** Takes the chunk's packs; answers which episodes must be read from their rows. */
  takePacks(packs: ReadonlyMap<string, PackRow>): EpisodeRow[] {
    const fitting = this.rows.map((episode) => {
      const pack = packs.get(episode.id);
      return isEnded(episode) && packFits(pack, episode) && isBytes(pack.hashes) ? pack : null;
    });
    const hexes = hexOfHashes(fitting.map((pack) => pack?.hashes ?? NO_BYTES));
    const fromRows: EpisodeRow[] = [];
    this.rows.forEach((episode, index) => {
      const pack = fitting[index];
      // A pack that does not match the head, or cannot be read, is ignored: the rows are the record.
      const chain = pack ? packedChain(pack, hexes[index]) : null;
      if (chain) this.chains.set(episode.id, chain);
      else fromRows.push(episode);
    });
    return fromRows;
  }

  /** Event rows read for one episode; only those up to its recorded head, as the summary was read. */
  takeRows(episode: EpisodeRow, rows: EventRow[]): void {
    this.chains.set(episode.id, { kind: 'rows', rows: rows.filter((row) => row.seq <= episode.lastSeq) });
  }

  finish(format: Format, withEvents: boolean): void {
    const entries = this.rows.map((episode) => ({ episode, chain: withEvents ? this.chains.get(episode.id) ?? { kind: 'rows' as const, rows: [] } : null }));
    for (const { chain } of entries) {
      const first = chain && firstEvent(chain);
      if (first) this.linked.push(...linkedSopHashes(first));
    }
    this.part = format(entries);
    this.chains.clear();
  }
}

/**
 * Issues the reads that give a chunk its chains once its rows are known (its
 * packs, unless already read with its rows, then the rows of episodes without
 * a fitting pack), and formats it when they are in.
 */
export function readChains(queue: RequestQueue, chunk: Chunk, options: ExportReadOptions, format: Format, packsRead?: PackRow[]): void {
  const done = () => chunk.finish(format, options.withEvents);
  if (!options.withEvents || chunk.rows.length === 0) return done();
  const withPacks = (packs: readonly PackRow[]) => {
    const fromRows = chunk.takePacks(new Map(packs.map((pack) => [pack.episodeId, pack])));
    chunk.waiting = fromRows.length;
    if (chunk.waiting === 0) return done();
    for (const episode of fromRows) {
      queue.get<EventRow[]>('events', (store) => store.getAll(IDBKeyRange.bound([episode.id, -Infinity], [episode.id, Infinity])), (rows) => {
        chunk.takeRows(episode, rows);
        chunk.waiting -= 1;
        if (chunk.waiting === 0) done();
      });
    }
  };
  const ended = chunk.rows.filter(isEnded);
  if (packsRead || !queue.has('packs') || ended.length === 0) return withPacks(packsRead ?? []);
  const packs: PackRow[] = [];
  let left = ended.length;
  for (const episode of ended) {
    queue.get<PackRow | undefined>('packs', (store) => store.get(episode.id), (pack) => {
      if (pack) packs.push(pack);
      left -= 1;
      if (left === 0) withPacks(packs);
    });
  }
}

export function result(chunks: readonly Chunk[]): ExportRead {
  const episodes = chunks.flatMap((chunk) => chunk.rows);
  const sopHashes = [...new Set([...episodes.map((row) => row.sopHash), ...chunks.flatMap((chunk) => chunk.linked)])];
  return { episodes, parts: chunks.map((chunk) => chunk.part), sopHashes };
}

