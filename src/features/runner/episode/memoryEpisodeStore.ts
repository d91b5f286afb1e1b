// An episode store that lives in memory: the author's sandbox runs the real
// step screens on it, so previews and path plays never enter the governance log.
import type { NewEvent } from '../../../db/log';
import type { DirectoryContact, EndRequest, EpisodeStore, StartRequest, StoredEpisode } from './episodeStore';

interface MemoryEpisode {
  stored: StoredEpisode;
  ids: Set<string>;
  snapshot?: { sopHash: string; appVersion: string; seq: number; snapshot: unknown };
}

export function createMemoryEpisodeStore(directory: Record<string, DirectoryContact> = {}): EpisodeStore {
  const episodes = new Map<string, MemoryEpisode>();
  const get = (episodeId: string): MemoryEpisode => {
    const found = episodes.get(episodeId);
    if (!found) throw new Error('That episode is not in this preview.');
    return found;
  };
  return {
    durable: false,
    async start(request: StartRequest) {
      const episodeId = globalThis.crypto.randomUUID();
      const { doc, sopHash, at, site, modality, operatorRole } = request;
      episodes.set(episodeId, {
        stored: { episodeId, doc, sopHash, startedAt: at, status: 'open', rows: [], seq: 0, site, modality, operatorRole },
        ids: new Set(),
      });
      return { episodeId, seq: 0 };
    },
    async append(episodeId: string, events: readonly NewEvent[]) {
      const episode = get(episodeId);
      for (const event of events) {
        if (event.id !== undefined && episode.ids.has(event.id)) continue;
        if (event.id !== undefined) episode.ids.add(event.id);
        episode.stored.rows.push({ type: event.type, stepId: event.stepId ?? '', data: event.data ?? {}, at: event.at });
        episode.stored.seq += 1;
      }
      return { seq: episode.stored.seq };
    },
    async end(episodeId: string, request: EndRequest) {
      const episode = get(episodeId);
      episode.stored.status = request.status;
      episode.stored.rows.push({ type: request.status === 'completed' ? 'episode-completed' : 'abandoned', stepId: request.outcomeStepId ?? '', data: { reason: request.reason ?? '' }, at: request.at });
    },
    async findOpen() {
      return null;
    },
    async load(episodeId: string) {
      const { stored } = get(episodeId);
      return { ...stored, rows: [...stored.rows] };
    },
    async checkpoint(episodeId, entry) {
      get(episodeId).snapshot = entry;
    },
    async loadSnapshot(episodeId, expect) {
      const { snapshot, stored } = get(episodeId);
      const matches = snapshot && snapshot.sopHash === expect.sopHash && snapshot.appVersion === expect.appVersion && snapshot.seq === stored.seq;
      return matches ? snapshot.snapshot : undefined;
    },
    async contact(roleId: string) {
      return directory[roleId] ?? null;
    },
  };
}
