// Shared set-up for the episode log tests: a fresh database per test and a
// small SOP document shaped like the real format (roles, never names).
import { openLogDb, GENESIS_HASH, type LogDb } from '../../src/db/database';
import { sha256Hex, canonicalJson, startEpisode, appendEvents, type NewEvent } from '../../src/db/log';
import { chainEvents } from '../../src/db/log';
import { episodeFromEvents, applyEvent, prepareEvents } from '../../src/db/log';

export function freshDb(): LogDb {
  return openLogDb(`log-test-${globalThis.crypto.randomUUID()}`);
}

export const sampleSop = {
  format: 'cdc-sop/1',
  id: 'fast-af',
  title: 'Atrial arrhythmia with a rapid ventricular rate',
  version: '1.0.0',
  status: 'template',
  roles: [{ id: 'cardiology-registrar', title: 'On-call cardiology registrar', type: 'clinician' }],
  start: 'checkSymptoms',
  steps: [
    { id: 'checkSymptoms', kind: 'question', title: 'Is the patient unwell?', options: [] },
    { id: 'callRegistrar', kind: 'contact', title: 'Call the cardiology registrar', role: 'cardiology-registrar' },
    { id: 'sameDayReview', kind: 'outcome', title: 'Same-day review', urgency: 'same-day' },
  ],
};

export const collapseSop = {
  format: 'cdc-sop/1', id: 'collapse', title: 'Collapse during the scan', version: '1.0.0', status: 'template',
  steps: [{ id: 'startCpr', kind: 'actions', title: 'Start CPR and call the resuscitation team' }],
};

export const otherSop = { ...sampleSop, id: 'severe-as', title: 'Severe aortic stenosis', version: '2.1.0', steps: [] };

export const hashOf = (doc: unknown) => sha256Hex(canonicalJson(doc));

export const T0 = Date.UTC(2026, 2, 10, 9, 0, 0);
export const MINUTE = 60_000;

export interface EpisodeScript {
  sop?: typeof sampleSop;
  withCollapse?: boolean;
  site?: string;
  modality?: string;
  startedAt?: number;
  events?: NewEvent[];
}

/** An episode as the runner would write it: started, then events appended. */
export async function recordEpisode(db: LogDb, script: EpisodeScript = {}) {
  const sop = script.sop ?? sampleSop;
  const startedAt = script.startedAt ?? T0;
  const episode = await startEpisode(
    {
      sop, sopHash: await hashOf(sop), site: script.site ?? 'Riverside CDC', modality: script.modality ?? 'echo', operator: 'Cardiac physiologist', appVersion: 'test', at: startedAt,
      linkedSops: script.withCollapse ? [{ sop: collapseSop, sopHash: await hashOf(collapseSop) }] : [],
    },
    db,
  );
  if (!script.events?.length) return episode;
  return (await appendEvents(episode.id, script.events, {}, db)).episode;
}

export const reachRegistrar = (at: number, result = 'accepted'): NewEvent => ({
  type: 'contact-attempt',
  stepId: 'callRegistrar',
  at,
  data: { role: 'cardiology-registrar', roleType: 'clinician', outcome: 'reached', result },
});

export const completeSameDay = (at: number): NewEvent[] => [
  { type: 'outcome-reached', stepId: 'sameDayReview', at, data: { urgency: 'same-day' } },
  { type: 'episode-completed', stepId: 'sameDayReview', at: at + 1000 },
];

/**
 * An episode written by an older app, with a random (not time-ordered) id and
 * no pack: started, then one more event (a note by default; `abandoned` ends it).
 */
export async function legacyEpisode(db: LogDb, startedAt: number, last: { type: string; data: Record<string, unknown> } = { type: 'note', data: { text: 'legacy' } }) {
  const episodeId = globalThis.crypto.randomUUID();
  const events = await chainEvents({ seq: 0, hash: GENESIS_HASH }, [
    { episodeId, id: `${episodeId}-1`, type: 'episode-started', stepId: '', at: startedAt, mono: 0, data: { sopId: 'fast-af', site: 'Riverside CDC', modality: 'echo' } },
    { episodeId, id: `${episodeId}-2`, type: last.type, stepId: '', at: startedAt + MINUTE, mono: 60_000, data: last.data },
  ]);
  await db.episodes.add(episodeFromEvents(events, 'local')!);
  await db.events.bulkAdd(events);
  return episodeId;
}

/**
 * An event written after the episode's end, as app versions before the
 * closed-record rule allowed (a late note), straight into the tables: such
 * records exist on tablets and in backups, so every read must still handle an
 * episode that grew past its pack or its block. Packs and blocks are left as
 * they were (stale), which is what the reads must notice.
 */
export async function grownAfterItsEnd(db: LogDb, episodeId: string, event: NewEvent): Promise<void> {
  const head = await db.episodes.get(episodeId);
  if (!head || head.status === 'open') throw new Error(`fixture: ${episodeId} is not an ended episode`);
  const [row] = await chainEvents({ seq: head.lastSeq, hash: head.headHash }, prepareEvents([event]).map((prepared) => ({ ...prepared, episodeId })));
  await db.transaction('rw', db.episodes, db.events, async () => {
    await db.events.add(row!);
    await db.episodes.put(applyEvent(head, row!));
  });
}
