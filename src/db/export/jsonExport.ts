// The full-fidelity export: every event with its hash chain, the summaries and
// the exact SOP documents, ending with the seal. This is also the format one
// tablet's log is imported into another's (see importLog.ts). It is written
// chunk by chunk as it is read, exactly as JSON.stringify writes a LogExport.
import { isoOrNull, sealOf, type ExportSeal, type ExportedEpisode } from './exportCollect';
import { readExport } from './exportReads';
import { fileBytes } from './exportBytes';
import type { EpisodeFilters } from '../read';
import { eventsJsonWriter } from './eventText';
import { openLogDb, type LogDb } from '../database';
import type { SopRow } from '../database';

import { LOG_EXPORT_FORMAT } from '../log';

export { LOG_EXPORT_FORMAT };

export interface LogExport {
  format: typeof LOG_EXPORT_FORMAT;
  exportedAt: string;
  appVersion: string;
  range: { from: string | null; to: string | null };
  sops: SopRow[];
  episodes: ExportedEpisode[];
  /** Last on purpose: the chain head a governance lead records. */
  seal: ExportSeal;
}

/** The export in parts, for a Blob to join (no one huge string): the head with the SOPs, each chunk's episodes, the seal. */
export async function exportLogJsonParts(filters: EpisodeFilters = {}, appVersion = 'unknown', db: LogDb = openLogDb()): Promise<string[]> {
  const writeEvents = eventsJsonWriter();
  const read = await readExport(filters, db, { withEvents: true }, (entries) => {
    const pieces: string[] = [];
    for (const { episode, chain } of entries) {
      pieces.push(`${pieces.length === 0 ? '' : ','}{"episode":${JSON.stringify(episode)},"events":`);
      if (chain) writeEvents(chain, pieces);
      else pieces.push('[]');
      pieces.push('}');
    }
    return pieces.join('');
  });
  const sops = (await db.sops.bulkGet(read.sopHashes)).filter((sop): sop is SopRow => sop !== undefined);
  const opening: Omit<LogExport, 'episodes' | 'seal'> = {
    format: LOG_EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    appVersion,
    range: { from: isoOrNull(filters.from), to: isoOrNull(filters.to) },
    sops,
  };
  const episodes = read.parts.filter((part) => part !== '').flatMap((part, index) => (index === 0 ? [part] : [',', part]));
  // The head's closing brace gives way to the episodes and the seal, in LogExport's key order.
  return [`${JSON.stringify(opening).slice(0, -1)},"episodes":[`, ...episodes, `],"seal":${JSON.stringify(await sealOf(read.episodes))}}`];
}

/** The JSON export as the UTF-8 bytes of the file: the download's fastest Blob. */
export async function exportLogJsonFile(filters: EpisodeFilters = {}, appVersion = 'unknown', db: LogDb = openLogDb()): Promise<Uint8Array<ArrayBuffer>> {
  return fileBytes(await exportLogJsonParts(filters, appVersion, db));
}

export async function exportLogJson(filters: EpisodeFilters = {}, appVersion = 'unknown', db: LogDb = openLogDb()): Promise<string> {
  return (await exportLogJsonParts(filters, appVersion, db)).join('');
}
