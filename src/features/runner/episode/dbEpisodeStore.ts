// The episode store of the app: the hash-chained governance log in IndexedDB.
// The stored row counts the `episode-started` event, so `seq` here is the
// chain's sequence number and matches the snapshot cache's.
import { appendEvents, endEpisode, holdEpisodeLock, loadEpisode, latestOpenEpisodeId, loadSnapshot, releaseEpisodeLock, saveSnapshot, startEpisode, type KnownHead, type NewEvent } from '../../../db/log';
import { getDirectoryEntry } from '../../../db/config';
import { settleDueStats } from '../../../db/read';
import { openLogDb, type EpisodeRow, type LogDb } from '../../../db/database';
import { APP_VERSION } from '../../../shared/release';
import type { EpisodeStore, StoredEpisode } from './episodeStore';

export function createDbEpisodeStore(db?: LogDb): EpisodeStore {
  // The head this tab last saw of each episode: a write from a tab that has
  // not seen the latest head is refused (ChainConflictError) rather than
  // interleaving two copies of one episode in the log. Knowing the head's hash
  // also lets each tap's append be a single write transaction.
  const heads = new Map<string, KnownHead>();
  // The row itself lets the next append write its summary without reading it first.
  const remember = (episode: EpisodeRow) => heads.set(episode.id, { seq: episode.lastSeq, hash: episode.headHash, row: episode });
  // The tab running an episode holds its lock until it ends it (or closes), so
  // a tap's append waits on no lock and another tab cannot write to it meanwhile.
  const hold = (episodeId: string) => void holdEpisodeLock(episodeId);
  return {
    durable: true,
    async start(request) {
      const { doc, sopHash, at, site, modality, operatorRole } = request;
      const episode = await startEpisode({ sop: doc, sopHash, site, modality, operator: operatorRole, appVersion: APP_VERSION, at }, db);
      remember(episode);
      hold(episode.id);
      return { episodeId: episode.id, seq: episode.lastSeq };
    },
    async append(episodeId: string, events: readonly NewEvent[]) {
      // Relaxed: the tap is not held for the disk; the controller's checkpoint flushes it within seconds.
      const result = await appendEvents(episodeId, events, { knownHead: heads.get(episodeId), durability: 'relaxed' }, db);
      remember(result.episode);
      return { seq: result.episode.lastSeq };
    },
    async end(episodeId, request) {
      const result = await endEpisode(episodeId, { ...request, knownHead: heads.get(episodeId) }, db);
      remember(result.episode);
      // The episode has ended whatever happens here: totals not settled now stay noted for the next settle.
      await settleDueStats(db ?? openLogDb()).catch(() => undefined);
      releaseEpisodeLock(episodeId);
    },
    findOpen: () => latestOpenEpisodeId(db),
    async load(episodeId): Promise<StoredEpisode> {
      const { episode, events, sop } = await loadEpisode(episodeId, db);
      remember(episode);
      if (episode.status === 'open') hold(episodeId);
      return {
        episodeId,
        doc: sop?.document ?? null,
        sopHash: episode.sopHash,
        startedAt: episode.startedAt,
        status: episode.status,
        site: episode.site,
        modality: episode.modality,
        operatorRole: episode.operatorRole,
        rows: events.map((row) => ({ type: row.type, stepId: row.stepId, data: row.data, at: row.at })),
        seq: episode.lastSeq,
      };
    },
    async checkpoint(episodeId, entry) {
      // The dashboard's totals the taps left for later (db/read/dueStats.ts), then the snapshot.
      // Both commit strictly, and a strict commit flushes every relaxed append before it; the
      // snapshot's decides whether the checkpoint was made (notes not settled wait for the next one).
      await settleDueStats(db ?? openLogDb()).catch(() => undefined);
      await saveSnapshot({ episodeId, ...entry }, db);
    },
    async loadSnapshot(episodeId, expect) {
      return (await loadSnapshot(episodeId, expect, db))?.snapshot;
    },
    async contact(roleId) {
      const row = await getDirectoryEntry(roleId, db);
      return row ? { roleId: row.roleId, name: row.name, phone: row.phone, extension: row.extension, hours: row.hours, fallbackRoleId: row.fallbackRoleId } : null;
    },
  };
}
