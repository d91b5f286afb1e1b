// Synthetic governance log for the benchmark: deterministic (seeded) episodes
// of ten hash-chained events each, spread over two years, with realistic
// spreads of SOP, site, modality, urgency and contact results. Roles only.
import { canonicalJson, chainEvents, sha256Hex } from '../src/db/log';
import type { LogDb } from '../src/db/database';
import { episodeFromEvents } from '../src/db/log';
import { newEpisodeId } from '../src/db/log';
import { GENESIS_HASH, type EpisodeRow, type EventRow } from '../src/db/database';

export const SOP_IDS = ['fast-af', 'slow-af', 'severe-as', 'tamponade', 'aortic-dissection', 'lv-thrombus', 'endocarditis', 'pe-rv-strain'];
/** Stores one small template per benchmark SOP id; returns each id's content hash. */
export async function storeBenchSops(db: LogDb): Promise<Map<string, string>> {
  const sopHashes = new Map<string, string>();
  for (const id of SOP_IDS) {
    const document = { format: 'cdc-sop/1', id, title: id, version: '1.0.0', status: 'template', steps: [] };
    const hash = await sha256Hex(canonicalJson(document));
    sopHashes.set(id, hash);
    await db.sops.put({ hash, id, version: '1.0.0', status: 'template', title: id, source: 'built-in', document, storedAt: 0 });
  }
  return sopHashes;
}

export const SITES = Array.from({ length: 12 }, (_, n) => `Community diagnostic centre ${n + 1}`);
const MODALITIES = ['echo', 'echo', 'echo', 'ct', 'mri'];
const URGENCY = ['emergency', 'same-day', 'same-day', 'urgent', 'urgent', 'routine', 'routine', 'routine'];
const ROLES = [
  ['cardiology-registrar', 'clinician'], ['medical-registrar', 'clinician'], ['reporting-cardiologist', 'clinician'], ['ambulance', 'ambulance'],
] as const;
export const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;
export const FIRST_START = Date.UTC(2024, 0, 1);

/** mulberry32: small, fast, seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/**
 * How an event's id, times and data look: `compact`, the original synthetic
 * events (70-character ids, fractional ms, small data); `runner`, as the
 * runner writes them (UUID ids, whole-ms wall clock, records carrying step
 * titles, labels, SOP id, version and step kind: about 40% more bytes).
 */
export type DataShape = 'compact' | 'runner';

/** Record data as the runner adds it to every step record (features/runner/episode/logRows.ts), with step text of a shipped SOP's length. */
function runnerData(type: string, stepId: string, data: Record<string, unknown>, sopId: string): Record<string, unknown> {
  const base = { sopId, sopVersion: '1.0.0' };
  const titles: Record<string, string> = {
    checkSymptoms: 'Is the patient unwell, or are there red-flag symptoms?',
    callClinician: 'Phone the on-call cardiology registrar now',
    whileWaiting: 'While you wait for the registrar',
    outcome: 'Same-day review by the cardiology team',
  };
  const kinds: Record<string, string> = { checkSymptoms: 'question', callClinician: 'contact', whileWaiting: 'actions', outcome: 'outcome' };
  const stepKind = kinds[stepId] ?? 'actions';
  if (type === 'step-entered') return { title: titles[stepId] ?? stepId, ...base, stepKind };
  if (type === 'answered') return { option: data.option, label: 'Yes: chest pain, breathlessness, dizziness or syncope', notSure: false, next: 'callClinician', ...base, stepKind };
  if (type === 'contact-attempt') return { ...data, label: data.result === 'noAnswer' ? 'No answer after 2 minutes' : 'Accepted: will review the patient today', next: 'whileWaiting', ...base, stepKind };
  if (type === 'ticked') return { ...data, ...base, stepKind };
  if (type === 'outcome-reached') return { ...data, disposition: 'Arrange same-day cardiology review; the patient stays until a plan is agreed', ...base, stepKind };
  return data;
}

/** Episode n of `total`, started at an even spacing across the two years. */
export async function syntheticEpisode(n: number, total: number, random: () => number, sopHashes: Map<string, string>, shape: DataShape = 'compact'): Promise<{ episode: EpisodeRow; events: EventRow[] }> {
  const sopId = pick(random, SOP_IDS);
  const startedAt = FIRST_START + Math.floor((n / total) * SPAN_MS);
  const episodeId = newEpisodeId(startedAt);
  const [role, roleType] = pick(random, ROLES);
  const firstResult = random() < 0.3 ? 'noAnswer' : 'accepted';
  const urgency = pick(random, URGENCY);
  const abandoned = random() < 0.04;
  let at = startedAt;
  let mono = 1000 + random() * 1e6;
  const next = (minSeconds: number, spreadSeconds: number) => {
    const step = (minSeconds + random() * spreadSeconds) * 1000;
    at += step;
    mono += step;
    return { at, mono };
  };
  if (shape === 'runner') mono += 1_764_000_000_000; // performance.timeOrigin + performance.now(), as the app records it
  const ev = (type: string, stepId: string, data: Record<string, unknown>, time = next(5, 60)) => shape === 'runner'
    ? { episodeId, id: globalThis.crypto.randomUUID(), type, stepId, data: runnerData(type, stepId, data, sopId), at: Math.round(time.at), mono: time.mono }
    : { episodeId, id: `${episodeId}-${type}-${at}`, type, stepId, data, ...time };
  const plan = [
    ev('episode-started', '', { sopId, sopVersion: '1.0.0', sopHash: sopHashes.get(sopId)!, site: pick(random, SITES), modality: pick(random, MODALITIES), operatorRole: 'Cardiac physiologist', localRef: '', appVersion: 'bench' }, { at, mono }),
    ev('step-entered', 'checkSymptoms', {}),
    ev('answered', 'checkSymptoms', { option: 'yes', label: 'Yes' }),
    ev('step-entered', 'callClinician', {}),
    ev('contact-attempt', 'callClinician', { role, roleType, outcome: firstResult, result: firstResult }, next(30, 240)),
    ev('contact-attempt', 'callClinician', { role: 'medical-registrar', roleType: 'clinician', outcome: 'accepted', result: random() < 0.9 ? 'accepted' : 'advised' }, next(30, 600)),
    ev('step-entered', 'whileWaiting', {}),
    ev('ticked', 'whileWaiting', { item: 'observations', checked: true }),
    ev('outcome-reached', 'outcome', { urgency }),
    abandoned ? ev('abandoned', 'outcome', { reason: 'Test stopped' }) : ev('episode-completed', 'outcome', {}),
  ];
  const events = await chainEvents({ seq: 0, hash: GENESIS_HASH }, plan);
  return { episode: episodeFromEvents(events, 'local')!, events };
}
