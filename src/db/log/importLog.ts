// Brings another tablet's JSON export into this log (a governance lead
// collecting logs). Every episode is checked on its own: its chain must verify
// and its summary is rebuilt from its events. Episodes already here are
// recognised as duplicates; nothing already stored is ever changed.
import * as v from 'valibot';
import { toStorageError } from '../database';
import { canonicalJson, sha256Hex, verifyChain } from './eventHash';
import { episodeFromEvents } from './episodeSummary';
import { linkedSopHashes } from './linkedSops';
import { openLogDb, type LogDb } from '../database';
import { moveCountedStats, updateMonthlyStats } from '../read';
import { eventsOf } from './episodeReads';
import { isEnded, packFits, packOf } from '../packs';
import { dropBlockHolding } from '../packs';
import { sealBlocks } from '../packs';
import type { EpisodeRow, EventRow, SopRow } from '../database';

/**
 * The format name of a JSON log export (export/jsonExport.ts writes it). Kept
 * here, with the reader, so the log room needs nothing from the export room:
 * an import cycle between them left the schema below built before the name was set.
 */
export const LOG_EXPORT_FORMAT = 'cdc-log-export/1';

const Hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));

/** One chained event as files and the network carry it (the network's log documents use it too). */
export const EventSchema = v.object({
  episodeId: v.string(),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  id: v.pipe(v.string(), v.minLength(1)),
  type: v.pipe(v.string(), v.minLength(1)),
  stepId: v.string(),
  data: v.record(v.string(), v.unknown()),
  at: v.pipe(v.number(), v.finite()),
  mono: v.pipe(v.number(), v.finite()),
  prevHash: Hash,
  hash: Hash,
});

const SopSchema = v.object({
  hash: Hash,
  id: v.string(),
  version: v.string(),
  status: v.string(),
  title: v.string(),
  source: v.string(),
  document: v.unknown(),
  storedAt: v.number(),
});

const ExportSchema = v.object({
  format: v.literal(LOG_EXPORT_FORMAT),
  sops: v.array(SopSchema),
  episodes: v.array(v.object({ episode: v.object({ id: v.string(), lastSeq: v.number(), headHash: v.string() }), events: v.array(EventSchema) })),
  seal: v.optional(v.unknown()),
});

export interface ImportRefusal {
  episodeId: string;
  reason: string;
}

export interface ImportReport {
  imported: number;
  /** Episodes already here that the file carries further (more events on the same chain). */
  extended: number;
  duplicates: number;
  refused: ImportRefusal[];
  /** Set when the whole file was refused (not an export of this app, or unreadable). */
  fileError: string | null;
}

const fileRefused = (fileError: string): ImportReport => ({ imported: 0, extended: 0, duplicates: 0, refused: [], fileError });

function parseFile(text: string): v.InferOutput<typeof ExportSchema> | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'The file is not valid JSON. Choose a JSON log export from this app.';
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== LOG_EXPORT_FORMAT) {
    return `The file is not a log export of this app (expected format "${LOG_EXPORT_FORMAT}").`;
  }
  const parsed = v.safeParse(ExportSchema, raw);
  if (!parsed.success) {
    const where = v.getDotPath(parsed.issues[0]!) ?? 'the file';
    return `The log export is damaged or incomplete (problem at ${where}). Nothing was imported.`;
  }
  return parsed.output;
}

type FileSop = v.InferOutput<typeof SopSchema>;

async function matchesItsHash(sop: FileSop | undefined): Promise<boolean> {
  return !sop || (await sha256Hex(canonicalJson(sop.document))) === sop.hash;
}

/** An imported episode that has ended gets its pack in the same transaction as its events. */
async function putPackIfEnded(db: LogDb, episode: EpisodeRow, rows: EventRow[]): Promise<void> {
  if (!isEnded(episode)) return;
  const pack = packOf(episode.id, rows);
  if (pack && packFits(pack, episode)) await db.packs.put(pack);
}

/** Event times a real tablet can have written: after 2000 and no later than a day past this device's clock. */
const EARLIEST_EVENT = Date.UTC(2000, 0, 1);
const LATEST_SKEW_MS = 24 * 60 * 60 * 1000;

/** Why an episode's event times cannot be taken, or null (times are checked before anything is stored). */
function badEventTime(events: readonly EventRow[], now: number): string | null {
  for (const event of events) {
    if (!Number.isSafeInteger(event.at) || event.at < EARLIEST_EVENT || event.at > now + LATEST_SKEW_MS) {
      return `Event ${event.seq} has an impossible time (${String(event.at)}): times must lie between 2000 and tomorrow.`;
    }
    if (!Number.isFinite(event.mono) || Math.abs(event.mono) > 1e15) return `Event ${event.seq} has an impossible clock reading (${String(event.mono)}).`;
  }
  return null;
}

/**
 * The file's seal, recomputed from the chains the file carries (not from its
 * summaries): a dropped episode, a cut tail with a summary fixed to match, or
 * an edited seal all show as a mismatch. Null when it holds.
 */
async function sealProblem(file: { episodes: ReadonlyArray<{ episode: { id: string }; events: ReadonlyArray<{ seq: number; hash: string }> }>; seal?: unknown }): Promise<string | null> {
  const seal = file.seal as { episodeCount?: unknown; eventCount?: unknown; headsDigest?: unknown } | undefined;
  if (!seal || typeof seal !== 'object') return 'The file has no seal, so nothing shows whether episodes were removed. Export the log again from the other tablet.';
  const heads = file.episodes.map(({ episode, events }) => `${episode.id} ${events.at(-1)?.seq ?? 0} ${events.at(-1)?.hash ?? ''}`).sort();
  const eventCount = file.episodes.reduce((sum, item) => sum + item.events.length, 0);
  if (seal.episodeCount !== file.episodes.length || seal.eventCount !== eventCount || seal.headsDigest !== (await sha256Hex(canonicalJson(heads)))) {
    return 'The file\'s seal does not match the episodes in it: an episode was removed, a record was cut short, or the seal was edited. Nothing was imported.';
  }
  return null;
}

/** A log file exported by another tablet: its seal must hold, then every episode is checked on its own. */
export async function importLogJson(text: string, db: LogDb = openLogDb()): Promise<ImportReport> {
  const file = parseFile(text);
  if (typeof file === 'string') return fileRefused(file);
  const sealed = await sealProblem(file);
  if (sealed) return fileRefused(sealed);
  return importEpisodes(file, db);
}

/**
 * Episodes gathered from the network's replicated log (the governance
 * replica). They carry no file seal: each tablet pushes event by event, so no
 * one ever sealed the set. What a seal guards against is held by the server
 * instead (event documents can be neither updated nor deleted, by its
 * validate_doc_update); every chain, summary, time and SOP hash is checked
 * here exactly as for a file.
 */
export async function importReplicatedEpisodes(text: string, db: LogDb = openLogDb()): Promise<ImportReport> {
  const file = parseFile(text);
  if (typeof file === 'string') return fileRefused(file);
  return importEpisodes(file, db);
}

async function importEpisodes(file: v.InferOutput<typeof ExportSchema>, db: LogDb): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, extended: 0, duplicates: 0, refused: [], fileError: null };
  const now = Date.now();
  const sopsByHash = new Map(file.sops.map((sop) => [sop.hash, sop]));

  for (const item of file.episodes) {
    const episodeId = item.episode.id;
    const events = item.events as EventRow[];
    const check = await verifyChain(episodeId, events);
    if (!check.ok) {
      report.refused.push({ episodeId, reason: `Its hash chain is broken at event ${check.brokenAt}: ${check.reason}` });
      continue;
    }
    const badTime = badEventTime(events, now);
    if (badTime) {
      report.refused.push({ episodeId, reason: badTime });
      continue;
    }
    const episode = episodeFromEvents(events, 'imported');
    if (!episode) {
      report.refused.push({ episodeId, reason: 'It does not begin with an episode-started event.' });
      continue;
    }
    if (item.episode.lastSeq !== check.seq || item.episode.headHash !== check.head) {
      report.refused.push({ episodeId, reason: 'Its summary does not match its events (the record was cut short or edited).' });
      continue;
    }
    const sop = sopsByHash.get(episode.sopHash);
    const linked = linkedSopHashes(events[0]).flatMap((hash) => sopsByHash.get(hash) ?? []);
    if (!(await Promise.all([sop, ...linked].map(matchesItsHash))).every(Boolean)) {
      report.refused.push({ episodeId, reason: 'The SOP document it ran does not match its recorded content hash.' });
      continue;
    }
    try {
      const outcome = await db.transaction('rw', [db.episodes, db.events, db.sops, db.monthlyStats, db.statsDue, db.packs, db.packBlocks], async () => {
        const existing = await db.episodes.get(episodeId);
        if (existing) {
          if (existing.headHash === check.head && existing.lastSeq === check.seq) return 'duplicate';
          // An ended episode is final everywhere; this tablet's own episodes are written only by this tablet.
          if (existing.status !== 'open') return 'ended';
          if (existing.origin !== 'imported') return 'ours';
          // Same chain, further on (it was still open at the last import): add the new events only.
          const sameChain = existing.lastSeq < check.seq && events[existing.lastSeq - 1]?.hash === existing.headHash;
          if (!sameChain) return 'differs';
          // The block holding it (if any) no longer says what is stored; the import seals again at the end.
          await dropBlockHolding(db.packBlocks, episodeId);
          const added = events.slice(existing.lastSeq);
          await db.events.bulkAdd(added);
          const updated = { ...episode, origin: existing.origin };
          await db.episodes.put(updated);
          await moveCountedStats(db, existing, updated);
          // Packed from the rows as stored: the earlier ones were written by another import or by this tablet.
          await putPackIfEnded(db, updated, await eventsOf(episodeId, db));
          return 'extended';
        }
        const storedSop = await db.sops.get(episode.sopHash);
        if (!storedSop && !sop) return 'no-sop';
        for (const row of [sop, ...linked]) {
          if (row && !(await db.sops.get(row.hash))) await db.sops.add({ ...(row as SopRow), source: 'imported' });
        }
        // An id from another tablet may fall in a block's range: that block would miss it.
        await dropBlockHolding(db.packBlocks, episodeId);
        await db.episodes.add(episode);
        await db.events.bulkAdd(events);
        await updateMonthlyStats(db.monthlyStats, null, episode);
        await putPackIfEnded(db, episode, events);
        return 'imported';
      });
      if (outcome === 'imported') report.imported += 1;
      else if (outcome === 'extended') report.extended += 1;
      else if (outcome === 'duplicate') report.duplicates += 1;
      else if (outcome === 'ended') {
        report.refused.push({ episodeId, reason: 'It continues an episode that has already ended here; an ended episode cannot be added to. The stored one was kept unchanged.' });
      } else if (outcome === 'ours') {
        report.refused.push({ episodeId, reason: 'It would add to an episode recorded on this tablet; only this tablet writes its own episodes. The stored one was kept unchanged.' });
      } else if (outcome === 'differs') {
        report.refused.push({ episodeId, reason: 'A different record with the same episode id is already stored here; the stored one was kept unchanged.' });
      } else report.refused.push({ episodeId, reason: 'The SOP version it ran is missing from the file.' });
    } catch (error) {
      report.refused.push({ episodeId, reason: toStorageError(error).userMessage });
    }
  }
  // The episodes are stored; a failure to rebuild the read copies must not make the report say otherwise.
  if (report.imported + report.extended > 0) await sealBlocks(db).catch(() => undefined);
  return report;
}
