// The FHIR R4 export: a `collection` Bundle with, per episode, one Task (the
// SOP run), one Communication per contact attempt and one AuditEvent per log
// event carrying its hash-chain link. No Patient, no Encounter, no names.
// The mapping is documented in docs/log-export.md.
import { collectExport, sealExport, type ExportedEpisode, type ExportSeal } from './exportCollect';
import type { EpisodeFilters } from '../read';
import { openLogDb, type LogDb } from '../database';
import { loadEpisode } from '../log';
import type { EpisodeRow, EventRow } from '../database';

type Resource = Record<string, unknown> & { resourceType: string };
type Entry = { fullUrl: string; resource: Resource };

export const FHIR_SYSTEM = {
  episode: 'urn:cdc-escalation:episode',
  eventType: 'urn:cdc-escalation:event-type',
  sop: 'urn:cdc-escalation:sop',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
} as const;

const TASK_STATUS: Record<EpisodeRow['status'], string> = { open: 'in-progress', completed: 'completed', abandoned: 'cancelled' };
const PRIORITY: Record<string, string> = { emergency: 'stat', 'same-day': 'asap', urgent: 'urgent', routine: 'routine' };
const iso = (ms: number) => new Date(ms).toISOString();
const text = (label: string, value: string): Record<string, unknown> => ({ type: { text: label }, valueString: value });
/** FHIR R4 strings may not be empty: a part with nothing to say is left out. */
const said = <T extends { valueString?: string }>(parts: T[]): T[] => parts.filter((part) => part.valueString === undefined || part.valueString !== '');

function base64Utf8(value: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function taskOf(episode: EpisodeRow, title: string): Resource {
  // A count is a number (valueInteger), not text.
  const output = [text('chain head SHA-256', episode.headHash), { type: { text: 'events' }, valueInteger: episode.lastSeq }];
  if (episode.urgency) output.push(text('urgency', episode.urgency));
  if (episode.outcomeStepId) output.push(text('outcome step', episode.outcomeStepId));
  if (episode.firstClinicianReachedAt !== null) output.push({ type: { text: 'first clinician reached' }, valueDateTime: iso(episode.firstClinicianReachedAt) });
  return {
    resourceType: 'Task',
    identifier: [{ system: FHIR_SYSTEM.episode, value: episode.id }],
    instantiatesUri: `${FHIR_SYSTEM.sop}:${episode.sopId}:${episode.sopVersion}`,
    status: TASK_STATUS[episode.status],
    intent: 'plan',
    priority: PRIORITY[episode.urgency] ?? 'routine',
    description: title || episode.sopId,
    executionPeriod: episode.endedAt === null ? { start: iso(episode.startedAt) } : { start: iso(episode.startedAt), end: iso(episode.endedAt) },
    authoredOn: iso(episode.startedAt),
    lastModified: iso(episode.lastEventAt),
    input: said([text('site', episode.site), text('modality', episode.modality), text('SOP content hash', episode.sopHash), text('operator role', episode.operatorRole)]),
    output: said(output),
  };
}

function communicationOf(event: EventRow, taskUrl: string): Resource {
  const result = String(event.data.result ?? '');
  const resource: Resource = {
    resourceType: 'Communication',
    status: result === 'noAnswer' ? 'not-done' : 'completed',
    partOf: [{ reference: taskUrl }],
    ...(event.data.roleType ? { category: [{ text: String(event.data.roleType) }] } : {}),
    topic: { text: String(event.data.roleTitle || event.data.role || event.stepId || 'contact') },
    sent: iso(event.at),
    payload: [{ contentString: `Result: ${result}${event.data.outcome ? ` (${String(event.data.outcome)})` : ''}` }],
  };
  if (result === 'noAnswer') resource.statusReason = { text: 'No answer' };
  return resource;
}

function auditEventOf(event: EventRow, episode: EpisodeRow, taskUrl: string): Resource {
  // R4's AuditEvent.entity.detail takes only valueString or valueBase64Binary, so sequence numbers stay text here.
  const detail = said([
    { type: 'seq', valueString: String(event.seq) },
    { type: 'eventId', valueString: event.id },
    { type: 'stepId', valueString: event.stepId },
    { type: 'monotonicMs', valueString: String(event.mono) },
    { type: 'data', valueBase64Binary: base64Utf8(JSON.stringify(event.data)) },
    { type: 'prevHash', valueString: event.prevHash },
    { type: 'hash', valueString: event.hash },
  ]);
  return {
    resourceType: 'AuditEvent',
    type: { system: FHIR_SYSTEM.eventType, code: event.type },
    action: 'E',
    recorded: iso(event.at),
    outcome: '0',
    agent: [{ requestor: true, role: [{ text: episode.operatorRole || 'operator' }] }],
    source: { ...(episode.site ? { site: episode.site } : {}), observer: { display: 'Cardiac imaging escalation assistant' } },
    entity: [{ what: { reference: taskUrl }, detail }],
  };
}

function sealOf(seal: ExportSeal, now: number): Resource {
  const detail = [
    { type: 'episodeCount', valueString: String(seal.episodeCount) },
    { type: 'eventCount', valueString: String(seal.eventCount) },
    { type: 'headsDigest', valueString: seal.headsDigest },
  ];
  if (seal.latestHead) {
    detail.push({ type: 'latestHeadEpisode', valueString: seal.latestHead.episodeId });
    detail.push({ type: 'latestHeadSeq', valueString: String(seal.latestHead.seq) });
    detail.push({ type: 'latestHeadHash', valueString: seal.latestHead.hash });
  }
  return {
    resourceType: 'AuditEvent',
    type: { system: FHIR_SYSTEM.dicom, code: '110106', display: 'Export' },
    action: 'R',
    recorded: iso(now),
    outcome: '0',
    agent: [{ requestor: true, role: [{ text: 'governance export' }] }],
    source: { observer: { display: 'Cardiac imaging escalation assistant' } },
    entity: [{ what: { display: 'Export seal: latest chain head' }, detail }],
  };
}

const urn = () => `urn:uuid:${globalThis.crypto.randomUUID()}`;

export async function buildFhirBundle(episodes: readonly ExportedEpisode[], sopTitles: Map<string, string>, now = Date.now()): Promise<Resource> {
  const entry: Entry[] = [];
  for (const { episode, events } of episodes) {
    const taskUrl = urn();
    entry.push({ fullUrl: taskUrl, resource: taskOf(episode, sopTitles.get(episode.sopHash) ?? '') });
    for (const event of events) {
      if (event.type === 'contact-attempt') entry.push({ fullUrl: urn(), resource: communicationOf(event, taskUrl) });
      entry.push({ fullUrl: urn(), resource: auditEventOf(event, episode, taskUrl) });
    }
  }
  entry.push({ fullUrl: urn(), resource: sealOf(await sealExport(episodes), now) });
  return { resourceType: 'Bundle', type: 'collection', timestamp: iso(now), entry };
}

export async function exportFhirBundle(filters: EpisodeFilters = {}, db: LogDb = openLogDb()): Promise<string> {
  const set = await collectExport(filters, db);
  const titles = new Map(set.sops.map((sop) => [sop.hash, sop.title]));
  return JSON.stringify(await buildFhirBundle(set.episodes, titles));
}

/** One episode as its own Bundle (from the timeline view). */
export async function exportEpisodeFhir(episodeId: string, db: LogDb = openLogDb()): Promise<string> {
  const { episode, events, sop } = await loadEpisode(episodeId, db);
  const titles = new Map(sop ? [[sop.hash, sop.title]] : []);
  return JSON.stringify(await buildFhirBundle([{ episode, events }], titles));
}
