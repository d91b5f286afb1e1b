// Folds an episode's events into the summary row the list and dashboard read.
// The chain covers events only, so every summary field must come from events:
// an imported or migrated episode is rebuilt here rather than trusted.
import { GENESIS_HASH, URGENCIES, type ContactResult, type ContactTally, type EpisodeRow, type EventRow, type Urgency } from '../database';

type FoldableEvent = Pick<EventRow, 'type' | 'stepId' | 'data' | 'at' | 'seq' | 'hash'>;

const CONTACT_RESULTS: readonly ContactResult[] = ['accepted', 'advised', 'declined', 'noAnswer'];
const CLINICIAN_ROLE_TYPES = new Set(['clinician', 'receiving-team']);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function contactOf(event: FoldableEvent): ContactTally | null {
  const result = CONTACT_RESULTS.find((item) => item === event.data.result);
  if (event.type !== 'contact-attempt' || !result) return null;
  return { role: text(event.data.role) || event.stepId, roleType: text(event.data.roleType), result };
}

function reachesClinician(contact: ContactTally): boolean {
  return CLINICIAN_ROLE_TYPES.has(contact.roleType) && (contact.result === 'accepted' || contact.result === 'advised');
}

/** Applies one event to a summary. Pure: returns a new row. */
export function applyEvent(episode: EpisodeRow, event: FoldableEvent): EpisodeRow {
  const next: EpisodeRow = { ...episode, lastSeq: event.seq, headHash: event.hash, lastEventAt: event.at };
  const contact = contactOf(event);
  if (contact) {
    next.contacts = [...episode.contacts, contact];
    if (next.firstClinicianReachedAt === null && reachesClinician(contact)) next.firstClinicianReachedAt = event.at;
  }
  if (event.type === 'outcome-reached') {
    next.urgency = URGENCIES.find((item) => item === event.data.urgency) ?? '';
    next.outcomeStepId = event.stepId;
  }
  // An outcome step is final, so an undo while the episode is open always leaves it.
  if (event.type === 'undo' && next.status === 'open') {
    next.urgency = '';
    next.outcomeStepId = '';
  }
  if (event.type === 'episode-completed') {
    next.status = 'completed';
    next.endedAt = event.at;
    // endEpisode may name the outcome itself when no outcome-reached came first.
    if (!next.urgency) next.urgency = URGENCIES.find((item) => item === event.data.urgency) ?? '';
    if (!next.outcomeStepId) next.outcomeStepId = event.stepId;
  }
  if (event.type === 'abandoned') {
    next.status = 'abandoned';
    next.endedAt = event.at;
  }
  return next;
}

/** The fields of `episode-started` data that identify an episode (no patient data). */
export function episodeFromStartEvent(event: FoldableEvent & { episodeId: string }, origin: EpisodeRow['origin']): EpisodeRow {
  const data = event.data;
  const base: EpisodeRow = {
    id: event.episodeId,
    sopId: text(data.sopId),
    sopVersion: text(data.sopVersion),
    sopHash: text(data.sopHash),
    site: text(data.site),
    modality: text(data.modality),
    operatorRole: text(data.operatorRole),
    localRef: text(data.localRef),
    appVersion: text(data.appVersion),
    status: 'open',
    startedAt: event.at,
    endedAt: null,
    urgency: '',
    outcomeStepId: '',
    firstClinicianReachedAt: null,
    contacts: [],
    lastSeq: 0,
    headHash: GENESIS_HASH,
    lastEventAt: event.at,
    origin,
  };
  if (text(data.deviceId)) base.deviceId = text(data.deviceId);
  return applyEvent(base, event);
}

/** Rebuilds a whole summary from an episode's events (first must be `episode-started`). */
export function episodeFromEvents(events: readonly EventRow[], origin: EpisodeRow['origin']): EpisodeRow | null {
  const [first, ...rest] = events;
  if (!first || first.type !== 'episode-started') return null;
  return rest.reduce(applyEvent, episodeFromStartEvent(first, origin));
}
