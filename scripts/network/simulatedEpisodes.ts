// Episodes as a tablet's outbox holds them for the tests and benchmark: real
// hash chains made with the app's own log code (src/db/log), so the server-side
// verification proves something. Shapes follow the network contract:
// `ep:<id>` identity documents and `ev:<id>:<seq 8 digits>` event documents.
import { GENESIS_HASH } from '../../src/db/database';
import { chainEvents, newEpisodeId, prepareEvent, type NewEvent } from '../../src/db/log';
import type { EventRow } from '../../src/db/database';
import { episodeDocId, eventDocId } from './names';

export interface Tablet {
  siteId: string;
  deviceId: string;
  account: string;
}

export interface LogDoc {
  _id: string;
  [field: string]: unknown;
}

export interface EpisodeDocs {
  episodeId: string;
  docs: LogDoc[];
  events: EventRow[];
}

const STEPS = ['confirm-finding', 'assess-stability', 'call-cardiology', 'ils-standby', 'handover'];

/** One episode of `eventCount` events (>= 2) starting at `startAt` (the tablet's clock, right or wrong). */
export async function simulatedEpisode(tablet: Tablet, startAt: number, eventCount = 8, sopId = 'rapid-af'): Promise<EpisodeDocs> {
  const episodeId = newEpisodeId(startAt);
  const raw: NewEvent[] = [{ type: 'episode-started', at: startAt, mono: startAt, data: { sopId, sopVersion: '1.0.0', site: tablet.siteId, modality: 'echo' } }];
  for (let i = 1; i < eventCount - 1; i += 1) {
    const stepId = STEPS[i % STEPS.length]!;
    raw.push({ type: i % 2 ? 'step-entered' : 'option-chosen', stepId, at: startAt + i * 7_000, mono: startAt + i * 7_000, data: i % 2 ? {} : { option: i % 3 ? 'stable' : 'unstable' } });
  }
  raw.push({ type: 'episode-ended', stepId: 'handover', at: startAt + eventCount * 7_000, mono: startAt + eventCount * 7_000, data: { status: 'completed', urgency: 'same-day' } });
  const events = await chainEvents({ seq: 0, hash: GENESIS_HASH }, raw.map((event) => ({ ...prepareEvent(event), episodeId })));
  const identity = {
    _id: episodeDocId(episodeId), type: 'episode', siteId: tablet.siteId, deviceId: tablet.deviceId, account: tablet.account,
    episode: { id: episodeId, sopId, sopVersion: '1.0.0', sopHash: 'a'.repeat(64), site: tablet.siteId, modality: 'echo', operatorRole: 'physiologist', localRef: '', startedAt: startAt },
  };
  const docs = [identity, ...events.map((event) => ({ _id: eventDocId(episodeId, event.seq), type: 'event', siteId: tablet.siteId, deviceId: tablet.deviceId, account: tablet.account, event }))];
  return { episodeId, docs, events };
}

/** `count` episodes, one every `spacingMs` from `firstAt`. */
export async function simulatedEpisodes(tablet: Tablet, count: number, firstAt: number, spacingMs = 600_000, eventCount = 8): Promise<EpisodeDocs[]> {
  const episodes: EpisodeDocs[] = [];
  for (let i = 0; i < count; i += 1) episodes.push(await simulatedEpisode(tablet, firstAt + i * spacingMs, eventCount));
  return episodes;
}
