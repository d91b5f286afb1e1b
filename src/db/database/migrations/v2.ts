// Schema version 2 files outcome, urgency and contact results on the episode so
// the list and dashboard never scan events. Version 1 episodes carried only
// their identity and status, so the upgrade folds the outcome fields from their
// events with a frozen copy of the fold as version 2 shipped it (log/episodeSummary
// may change what a live summary holds; this upgrade must keep writing what it wrote).
// Shipped: never edit this file.
import type { Transaction } from 'dexie';
import type { SchemaVersion } from './schemaVersion';

/** The event fields the fold reads, as version 1 stored them. */
interface V1Event {
  episodeId: string;
  type: string;
  stepId: string;
  data: Record<string, unknown>;
  at: number;
}

interface ContactTally {
  role: string;
  roleType: string;
  result: string;
}

interface DerivedOutcome {
  urgency: string;
  outcomeStepId: string;
  firstClinicianReachedAt: number | null;
  contacts: ContactTally[];
}

const URGENCIES = ['emergency', 'same-day', 'urgent', 'routine'];
const CONTACT_RESULTS = ['accepted', 'advised', 'declined', 'noAnswer'];
const CLINICIAN_ROLE_TYPES = new Set(['clinician', 'receiving-team']);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const urgencyOf = (value: unknown): string => URGENCIES.find((item) => item === value) ?? '';

function contactOf(event: V1Event): ContactTally | null {
  const result = CONTACT_RESULTS.find((item) => item === event.data.result);
  if (event.type !== 'contact-attempt' || !result) return null;
  return { role: text(event.data.role) || event.stepId, roleType: text(event.data.roleType), result };
}

const reachesClinician = (contact: ContactTally): boolean =>
  CLINICIAN_ROLE_TYPES.has(contact.roleType) && (contact.result === 'accepted' || contact.result === 'advised');

/** The outcome fields of one episode, from its events in order (the fold as version 2 shipped it). */
function outcomeOf(events: readonly V1Event[]): DerivedOutcome {
  const out: DerivedOutcome = { urgency: '', outcomeStepId: '', firstClinicianReachedAt: null, contacts: [] };
  // The shipped fold started from a row with no status, never 'open': an undo did not clear the outcome here.
  for (const event of events) {
    const contact = contactOf(event);
    if (contact) {
      out.contacts = [...out.contacts, contact];
      if (out.firstClinicianReachedAt === null && reachesClinician(contact)) out.firstClinicianReachedAt = event.at;
    }
    if (event.type === 'outcome-reached') {
      out.urgency = urgencyOf(event.data.urgency);
      out.outcomeStepId = event.stepId;
    }
    if (event.type === 'episode-completed') {
      if (!out.urgency) out.urgency = urgencyOf(event.data.urgency);
      if (!out.outcomeStepId) out.outcomeStepId = event.stepId;
    }
  }
  return out;
}

async function backfillOutcomeFields(tx: Transaction): Promise<void> {
  const byEpisode = new Map<string, V1Event[]>();
  await tx.table<V1Event>('events').each((event) => {
    const list = byEpisode.get(event.episodeId);
    if (list) list.push(event);
    else byEpisode.set(event.episodeId, [event]);
  });
  await tx
    .table<DerivedOutcome & { id: string }>('episodes')
    .toCollection()
    .modify((episode) => {
      const derived = outcomeOf(byEpisode.get(episode.id) ?? []);
      episode.urgency = derived.urgency;
      episode.outcomeStepId = derived.outcomeStepId;
      episode.firstClinicianReachedAt = derived.firstClinicianReachedAt;
      episode.contacts = derived.contacts;
    });
}

export const v2: SchemaVersion = {
  version: 2,
  stores: {
    episodes:
      'id, startedAt, [sopId+startedAt], [site+startedAt], [modality+startedAt], [status+startedAt], [urgency+startedAt], [outcomeStepId+startedAt]',
    events: '[episodeId+seq]',
    sops: 'hash, id',
    snapshots: 'episodeId',
    directory: 'roleId',
    settings: 'key',
  },
  upgrade: backfillOutcomeFields,
};
