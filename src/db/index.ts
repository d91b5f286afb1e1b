// The episode log's public API: the runner writes through it, the Log section
// reads, exports and imports through it. Everything here takes an optional
// LogDb last (tests pass a fresh one; the app uses the default database).
export { LogDb, openLogDb, DEFAULT_DB_NAME } from './database/logDb';
export { LATEST_VERSION } from './database/migrations';
export * from './database/rows';
export { StorageError, ChainConflictError, toStorageError, type StorageErrorKind } from './database/errors';
export { startEpisode, appendEvents, endEpisode, type StartEpisodeInput, type AppendResult, type AppendOptions, type KnownHead, type EndEpisodeInput } from './log/episodeWrites';
export { prepareEvents, monotonicNow, type NewEvent, type PreparedEvent } from './log/newEvents';
export { createEpisodeWriter, type EpisodeWriter } from './log/episodeWriter';
export { holdEpisodeLock, releaseEpisodeLock } from './log/episodeLock';
export { loadEpisode, openEpisodes, latestOpenEpisodeId, verifyEpisode, saveSnapshot, loadSnapshot, type LoadedEpisode } from './log/episodeReads';
export { canonicalJson, sha256Hex, verifyChain, type ChainCheck } from './log/eventHash';
export { listEpisodes, episodesMatching, matchesFilters, type EpisodeFilters, type EpisodePage, type PageCursor } from './read/episodeQueries';
export {
  computeDashboard, loadDashboard, rebuildMonthlyStats, figuresFromStats, monthKey, percentile, type DashboardFigures, type TimeToClinician, type MonthRange,
} from './read/dashboard';
export { statsFromEpisodes, type MonthlyStatsRow } from './read/monthlyStats';
export { newEpisodeId, isTimeOrderedId } from './log/episodeId';
export { exportEpisodesCsv, exportEventsCsv, exportEpisodesCsvParts, exportEventsCsvParts, neutraliseCell } from './export/csvExport';
export { collectExport, verifyEpisodes, type BulkVerifyReport, type ExportSeal } from './export/exportCollect';
export { exportLogJson, exportLogJsonParts, LOG_EXPORT_FORMAT, type LogExport } from './export/jsonExport';
export { exportFhirBundle, exportEpisodeFhir } from './export/fhirExport';
export { importLogJson, type ImportReport, type ImportRefusal } from './log/importLog';
export { listSops, type SopSummary } from './library/sopStore';
export {
  putDirectoryEntry, getDirectoryEntry, listDirectory, deleteDirectoryEntry, getSetting, putSetting, type DirectoryEntry,
} from './config/directoryStore';
