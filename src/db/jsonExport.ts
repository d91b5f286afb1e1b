// The full-fidelity export: every event with its hash chain, the summaries and
// the exact SOP documents, ending with the seal. This is also the format one
// tablet's log is imported into another's (see importLog.ts).
import { collectExport, isoOrNull, sealExport, type ExportSeal, type ExportedEpisode, type ExportSet } from './exportCollect';
import type { EpisodeFilters } from './episodeQueries';
import { openLogDb, type LogDb } from './logDb';
import type { SopRow } from './rows';

export const LOG_EXPORT_FORMAT = 'cdc-log-export/1';

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

export async function buildLogExport(set: ExportSet, appVersion: string, now = Date.now()): Promise<LogExport> {
  return {
    format: LOG_EXPORT_FORMAT,
    exportedAt: new Date(now).toISOString(),
    appVersion,
    range: { from: isoOrNull(set.filters.from), to: isoOrNull(set.filters.to) },
    sops: set.sops,
    episodes: set.episodes,
    seal: await sealExport(set.episodes),
  };
}

export async function exportLogJson(filters: EpisodeFilters = {}, appVersion = 'unknown', db: LogDb = openLogDb()): Promise<string> {
  return JSON.stringify(await buildLogExport(await collectExport(filters, db), appVersion));
}
