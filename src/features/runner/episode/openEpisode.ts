// Starting a new episode and resuming an open one. Start writes the episode
// (with the exact SOP by hash) and its first step before the step shows; if
// the log cannot be written at all the steps still run, in memory, with a
// warning — the app must never stand between the worker and the next call.
import { MODALITIES, parseCprNote, parseObservations, validateSop, type CprMark, type Modality, type SopDocument } from '../../../engine';
import { EpisodeController } from './episodeController';
import type { EpisodeIdentity, EpisodeStore } from './episodeStore';
import { failureMessage } from './failureMessage';
import { eventsFromRows } from './logRows';
import { createMemoryEpisodeStore } from './memoryEpisodeStore';
import { createRunModel, firstStep, rebuild, restore } from './runModel';

export interface StartOptions {
  doc: SopDocument;
  sopHash: string;
  collapse: SopDocument | undefined;
  identity: EpisodeIdentity;
  appVersion: string;
  at?: number;
}

export async function startEpisodeRun(store: EpisodeStore, options: StartOptions): Promise<EpisodeController> {
  const { doc, sopHash, collapse, identity, appVersion } = options;
  const at = options.at ?? Date.now();
  let target = store;
  let notice: string | undefined;
  let episodeId: string;
  try {
    episodeId = (await store.start({ doc, sopHash, at, ...identity })).episodeId;
  } catch (error) {
    target = createMemoryEpisodeStore();
    episodeId = (await target.start({ doc, sopHash, at, ...identity })).episodeId;
    notice = `This episode is NOT being saved to the log: ${failureMessage(error)} Follow the steps and note the times on paper.`;
  }
  const model = createRunModel(doc, collapse, { modality: identity.modality, startedAt: at });
  const controller = new EpisodeController({
    store: target, model, episodeId, identity, snapshot: firstStep(model).snapshot, log: [], sopHash, appVersion, notice,
  });
  await controller.begin();
  return controller;
}

export class ResumeError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'ResumeError';
  }
}

function modalityOf(value: string): Modality {
  const found = MODALITIES.find((m) => m === value);
  if (!found) throw new ResumeError('This episode was stored without a valid modality, so it cannot be resumed here. It is kept in the log.');
  return found;
}

/**
 * Brings an open episode back to the same step with the same answers: from
 * the cached snapshot when it matches this SOP, app version and log length,
 * else by replaying the logged events. Wait deadlines are absolute, so
 * timers carry on from when they started.
 */
export async function resumeEpisodeRun(
  store: EpisodeStore,
  episodeId: string,
  options: { collapse: SopDocument | undefined; appVersion: string },
): Promise<EpisodeController> {
  const stored = await store.load(episodeId);
  const checked = validateSop(stored.doc);
  if (!checked.doc || !checked.ok) {
    throw new ResumeError('The SOP this episode ran could not be read back safely, so it cannot be resumed. It is kept in the log.');
  }
  const identity: EpisodeIdentity = { site: stored.site, modality: modalityOf(stored.modality), operatorRole: stored.operatorRole };
  const model = createRunModel(checked.doc, options.collapse, { modality: identity.modality, startedAt: stored.startedAt });
  const { events } = eventsFromRows(stored.rows);
  const cached = await store.loadSnapshot(episodeId, { sopHash: stored.sopHash, appVersion: options.appVersion }).catch(() => undefined);
  const snapshot = (cached !== undefined ? restore(model, cached) : null) ?? rebuild(model, events);
  const notes = stored.rows.filter((row) => row.type === 'note' && typeof row.data.localRef === 'string');
  const localRef = (notes.at(-1)?.data.localRef as string | undefined) ?? null;
  const ambulanceRow = stored.rows.filter((row) => row.type === 'note' && (row.data.ambulance === 'called-back' || row.data.ambulance === 'arrived')).at(-1);
  const observations = stored.rows
    .filter((row) => row.type === 'note' && row.data.observations !== undefined)
    .map((row) => parseObservations(row.data.observations))
    .filter((obs) => obs !== null)
    .at(-1) ?? null;
  // The CPR clock's taps, in log order: the clock carries on from their stored times.
  const cpr = stored.rows
    .filter((row) => row.type === 'note' && row.data.cpr !== undefined)
    .map((row) => parseCprNote(row.data, row.at))
    .filter((mark): mark is CprMark => mark !== null);
  const ambulance = ambulanceRow ? { kind: ambulanceRow.data.ambulance as 'called-back' | 'arrived', at: ambulanceRow.at } : null;
  return new EpisodeController({
    store, model, episodeId, identity, snapshot, log: events, sopHash: stored.sopHash, appVersion: options.appVersion, localRef, ambulance, observations, cpr,
  });
}
