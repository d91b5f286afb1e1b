// The log's documents on the network (contract: cdc-log-<siteId>): one
// `ep:` document per episode (its identity, written once) and one `ev:`
// document per event, the event row exactly as Dexie stores it. Never updated
// or deleted. The validators here check what a governance replica receives.
import * as v from 'valibot';
import type { EpisodeRow, EventRow } from '../database';
import { episodeDocId, eventDocId } from './networkNames';
import { EventSchema } from '../log';

export interface DeviceContext {
  siteId: string;
  /** This tablet's id (db/config getDeviceId), also chained into each episode's first event. */
  deviceId: string;
  /** The CouchDB device account (the server's vdu checks it is the writer). */
  account: string;
}

export interface EpisodeIdentity {
  id: string;
  sopId: string;
  sopVersion: string;
  sopHash: string;
  site: string;
  modality: string;
  operatorRole: string;
  localRef: string;
  startedAt: number;
}

export interface EpisodeDoc extends DeviceContext {
  _id: string;
  type: 'episode';
  episode: EpisodeIdentity;
}

export interface EventDoc extends DeviceContext {
  _id: string;
  type: 'event';
  event: EventRow;
}

export function episodeDoc(row: EpisodeRow, context: DeviceContext): EpisodeDoc {
  const { id, sopId, sopVersion, sopHash, site, modality, operatorRole, localRef, startedAt } = row;
  return {
    _id: episodeDocId(id), type: 'episode', ...context,
    episode: { id, sopId, sopVersion, sopHash, site, modality, operatorRole, localRef, startedAt },
  };
}

export function eventDoc(row: EventRow, context: DeviceContext): EventDoc {
  return { _id: eventDocId(row.episodeId, row.seq), type: 'event', ...context, event: row };
}

const Hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const Name = v.pipe(v.string(), v.minLength(1), v.maxLength(120));

const contextEntries = { siteId: Name, deviceId: Name, account: Name };

const episodeDocSchema = v.object({
  _id: v.string(),
  type: v.literal('episode'),
  ...contextEntries,
  episode: v.object({
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
    sopId: v.string(), sopVersion: v.string(), sopHash: Hash, site: v.string(), modality: v.string(),
    operatorRole: v.string(), localRef: v.string(), startedAt: v.number(),
  }),
});

const eventDocSchema = v.object({
  _id: v.string(),
  type: v.literal('event'),
  ...contextEntries,
  // The same event as a log file carries, with an episode id no longer than the server accepts.
  event: v.object({ ...EventSchema.entries, episodeId: v.pipe(v.string(), v.minLength(1), v.maxLength(80)) }),
});

export type LogDoc = { kind: 'episode'; doc: EpisodeDoc } | { kind: 'event'; doc: EventDoc };

/** A document from a site's log as replicated: well-formed, its id what its content says, its site the database's. */
export function checkLogDoc(raw: unknown, siteId: string): LogDoc | string {
  const id = raw && typeof raw === 'object' ? String((raw as { _id?: unknown })._id) : '?';
  if (id.startsWith('_design/')) return 'design';
  const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
  if (type === 'episode') {
    const parsed = v.safeParse(episodeDocSchema, raw);
    if (!parsed.success) return `Record ${id} is malformed.`;
    const doc = parsed.output as unknown as EpisodeDoc;
    if (doc._id !== episodeDocId(doc.episode.id)) return `Record ${id} does not carry the episode its name says.`;
    if (doc.siteId !== siteId) return `Record ${id} claims another site.`;
    return { kind: 'episode', doc };
  }
  if (type === 'event') {
    const parsed = v.safeParse(eventDocSchema, raw);
    if (!parsed.success) return `Record ${id} is malformed.`;
    const doc = parsed.output as unknown as EventDoc;
    if (doc._id !== eventDocId(doc.event.episodeId, doc.event.seq)) return `Record ${id} does not carry the event its name says.`;
    if (doc.siteId !== siteId) return `Record ${id} claims another site.`;
    return { kind: 'event', doc };
  }
  return `Record ${id} is not an episode or an event.`;
}
