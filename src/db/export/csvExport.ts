// Spreadsheet exports (episodes, events). Cells that a spreadsheet would run as
// a formula (= + - @, tab, carriage return) are prefixed with an apostrophe.
// Each file ends, after a blank row, with the export seal (chain head).
import { csvLine, csvText, type Cell } from './csvText';
import { isoOrNull, sealOf, type ExportSeal } from './exportCollect';
import { readExport, type ExportRead } from './exportReads';
import type { EpisodeFilters } from '../read';
import { eventCsvLinesWriter } from './eventText';
import { fileBytes } from './exportBytes';
import { openLogDb, type LogDb } from '../database';
import type { EpisodeRow } from '../database';

export { neutraliseCell } from './csvText';

function sealLines(seal: ExportSeal): string {
  const sealRows: Cell[][] = [
    [],
    ['Export seal'],
    ['Episodes', seal.episodeCount],
    ['Events', seal.eventCount],
    ['Latest chain head: episode', seal.latestHead?.episodeId ?? ''],
    ['Latest chain head: sequence number', seal.latestHead?.seq ?? ''],
    ['Latest chain head: SHA-256', seal.latestHead?.hash ?? ''],
    ['Latest chain head: time (UTC)', seal.latestHead?.at ?? ''],
    ['Digest of all chain heads (SHA-256)', seal.headsDigest],
  ];
  return csvText(sealRows);
}

/**
 * The file in parts, to be joined by a Blob rather than into one string: the
 * header, each chunk's lines (a chunk whose episodes have no events adds none),
 * then the seal, with a line break between each.
 */
async function csvFileParts(header: readonly string[], read: ExportRead): Promise<string[]> {
  const lines = [csvLine(header), ...read.parts.filter((part) => part !== ''), sealLines(await sealOf(read.episodes))];
  return lines.flatMap((part, index) => (index === 0 ? [part] : ['\r\n', part]));
}

const EPISODE_HEADER = [
  'episode_id', 'sop_id', 'sop_version', 'sop_hash', 'site', 'modality', 'operator_role', 'local_ref', 'status', 'urgency',
  'outcome_step', 'started_utc', 'ended_utc', 'seconds_to_first_clinician', 'contact_attempts', 'unanswered_attempts',
  'event_count', 'chain_head_sha256', 'app_version', 'origin',
];

const episodeLine = (e: EpisodeRow): string => csvLine([
  e.id, e.sopId, e.sopVersion, e.sopHash, e.site, e.modality, e.operatorRole, e.localRef, e.status, e.urgency,
  e.outcomeStepId, isoOrNull(e.startedAt), isoOrNull(e.endedAt),
  e.firstClinicianReachedAt === null ? null : Math.round((e.firstClinicianReachedAt - e.startedAt) / 1000),
  e.contacts.length, e.contacts.filter((c) => c.result === 'noAnswer').length, e.lastSeq, e.headHash, e.appVersion, e.origin,
]);

const EVENT_HEADER = ['episode_id', 'seq', 'event_id', 'type', 'step_id', 'at_utc', 'seconds_from_start', 'monotonic_ms', 'data_json', 'prev_sha256', 'sha256'];

export async function exportEpisodesCsvParts(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<string[]> {
  const read = await readExport(filters, db, { withEvents: false }, (entries) => entries.map(({ episode }) => episodeLine(episode)).join('\r\n'));
  return csvFileParts(EPISODE_HEADER, read);
}

/** One line per event, each chunk written as it is read: 100,000 events make no intermediate table. */
export async function exportEventsCsvParts(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<string[]> {
  const writeLines = eventCsvLinesWriter();
  const read = await readExport(filters, db, { withEvents: true }, (entries) => {
    const lines: string[] = [];
    for (const { episode, chain } of entries) if (chain) writeLines(episode, chain, lines);
    return lines.join('\r\n');
  });
  return csvFileParts(EVENT_HEADER, read);
}

/** The events CSV as the UTF-8 bytes of the file: the download's fastest Blob. */
export async function exportEventsCsvFile(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<Uint8Array<ArrayBuffer>> {
  return fileBytes(await exportEventsCsvParts(filters, db));
}

export async function exportEpisodesCsv(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<string> {
  return (await exportEpisodesCsvParts(filters, db)).join('');
}

export async function exportEventsCsv(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<string> {
  return (await exportEventsCsvParts(filters, db)).join('');
}
