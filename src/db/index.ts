// The episode log's public API: the runner writes through it, the Log section
// reads, exports and imports through it. Everything here takes an optional
// LogDb last (tests pass a fresh one; the app uses the default database).
export { LogDb, openLogDb, DEFAULT_DB_NAME } from './logDb';
export { LATEST_VERSION } from './migrations';
export * from './rows';
export { StorageError, ChainConflictError, toStorageError, type StorageErrorKind } from './errors';
export { startEpisode, appendEvents, endEpisode, type StartEpisodeInput, type AppendResult, type AppendOptions, type KnownHead, type EndEpisodeInput } from './episodeWrites';
export { prepareEvents, monotonicNow, type NewEvent, type PreparedEvent } from './newEvents';
export { createEpisodeWriter, type EpisodeWriter } from './episodeWriter';
export { holdEpisodeLock, releaseEpisodeLock } from './episodeLock';
export { loadEpisode, openEpisodes, latestOpenEpisodeId, verifyEpisode, saveSnapshot, loadSnapshot, type LoadedEpisode } from './episodeReads';
export { canonicalJson, sha256Hex, verifyChain, type ChainCheck } from './eventHash';
export { listEpisodes, episodesMatching, matchesFilters, type EpisodeFilters, type EpisodePage, type PageCursor } from './episodeQueries';
export {
  computeDashboard, loadDashboard, rebuildMonthlyStats, figuresFromStats, monthKey, percentile, type DashboardFigures, type TimeToClinician, type MonthRange,
} from './dashboard';
export { statsFromEpisodes, type MonthlyStatsRow } from './monthlyStats';
export { newEpisodeId, isTimeOrderedId } from './episodeId';
export { exportEpisodesCsv, exportEventsCsv, exportEpisodesCsvParts, exportEventsCsvParts, neutraliseCell } from './csvExport';
export { collectExport, verifyEpisodes, type BulkVerifyReport, type ExportSeal } from './exportCollect';
export { exportLogJson, exportLogJsonParts, LOG_EXPORT_FORMAT, type LogExport } from './jsonExport';
export { exportFhirBundle, exportEpisodeFhir } from './fhirExport';
export { importLogJson, type ImportReport, type ImportRefusal } from './importLog';
export { listSops, type SopSummary } from './sopStore';
export {
  putDirectoryEntry, getDirectoryEntry, listDirectory, deleteDirectoryEntry, getSetting, putSetting, type DirectoryEntry,
} from './directoryStore';
