// Spreadsheet exports (episodes, events). Cells that a spreadsheet would run as
// a formula (= + - @, tab, carriage return) are prefixed with an apostrophe.
// Each file ends, after a blank row, with the export seal (chain head).
import { csvCell, csvLine, csvText, type Cell } from './csvText';
import { collectExport, isoOrNull, sealExport, type ExportSeal, type ExportSet } from './exportCollect';
import type { EpisodeFilters } from './episodeQueries';
import { openLogDb, type LogDb } from './logDb';

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

function toCsv(header: string[], rows: Cell[][], seal: ExportSeal): string {
  return [csvLine(header), ...rows.map(csvLine), sealLines(seal)].join('\r\n');
}

const EPISODE_HEADER = [
  'episode_id', 'sop_id', 'sop_version', 'sop_hash', 'site', 'modality', 'operator_role', 'local_ref', 'status', 'urgency',
  'outcome_step', 'started_utc', 'ended_utc', 'seconds_to_first_clinician', 'contact_attempts', 'unanswered_attempts',
  'event_count', 'chain_head_sha256', 'app_version', 'origin',
];

export async function episodesCsv(set: ExportSet): Promise<string> {
  const rows = set.episodes.map(({ episode: e }): Cell[] => [
    e.id, e.sopId, e.sopVersion, e.sopHash, e.site, e.modality, e.operatorRole, e.localRef, e.status, e.urgency,
    e.outcomeStepId, isoOrNull(e.startedAt), isoOrNull(e.endedAt),
    e.firstClinicianReachedAt === null ? null : Math.round((e.firstClinicianReachedAt - e.startedAt) / 1000),
    e.contacts.length, e.contacts.filter((c) => c.result === 'noAnswer').length, e.lastSeq, e.headHash, e.appVersion, e.origin,
  ]);
  return toCsv(EPISODE_HEADER, rows, await sealExport(set.episodes));
}

const EVENT_HEADER = ['episode_id', 'seq', 'event_id', 'type', 'step_id', 'at_utc', 'seconds_from_start', 'monotonic_ms', 'data_json', 'prev_sha256', 'sha256'];

/** One line per event, written as it is read: 100,000 events make no intermediate table (numbers need no quoting). */
export async function eventsCsv(set: ExportSet): Promise<string> {
  const lines: string[] = [csvLine(EVENT_HEADER)];
  for (const { episode, events } of set.episodes) {
    const episodeCell = csvCell(episode.id);
    for (const ev of events) {
      lines.push(
        `${episodeCell},${ev.seq},${csvCell(ev.id)},${csvCell(ev.type)},${csvCell(ev.stepId)},${csvCell(isoOrNull(ev.at))},`
        + `${Math.round((ev.at - episode.startedAt) / 1000)},${Math.round(ev.mono)},${csvCell(JSON.stringify(ev.data))},${csvCell(ev.prevHash)},${csvCell(ev.hash)}`,
      );
    }
  }
  lines.push(sealLines(await sealExport(set.episodes)));
  return lines.join('\r\n');
}

export async function exportEpisodesCsv(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<string> {
  return episodesCsv(await collectExport(filters, db, false));
}

export async function exportEventsCsv(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<string> {
  return eventsCsv(await collectExport(filters, db));
}
