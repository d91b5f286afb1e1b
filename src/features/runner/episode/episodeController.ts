// One running episode: applies each event to the current snapshot (a pure
// transition, no replay per tap), writes the records it produced to the store
// and only then shows the next step. A failed write keeps everything in memory
// and offers Retry with the same events; the collapse pathway is shown first
// and saved after, so storage can never delay a resuscitation call.
import { cprNoteData, type CprMark, type LoggedEvent, type Observations, type SopEvent, type SopSnapshot, type Urgency } from '../../../engine';
import type { NewEvent } from '../../../db/log';
import { canUndo, firstStep, inCollapse, nextStep, persistable, qualifiedStepId, rebuild, stepOf, type RunModel } from './runModel';
import { recordToRow, undoRow } from './logRows';
import type { EpisodeStore } from './episodeStore';
import type { ControllerParts, EpisodeMove, EpisodeView } from './episodeView';
import { failureMessage } from './failureMessage';
import { LogWriteQueue } from './logWriteQueue';
import { CheckpointSchedule } from './checkpointSchedule';

export type { EpisodeView } from './episodeView';

export class EpisodeController {
  private view: EpisodeView;
  private latest: SopSnapshot;
  /** How `latest` was reached (shown with it). */
  private latestMove: EpisodeMove | null = null;
  private readonly log: LoggedEvent[];
  private readonly listeners = new Set<() => void>();
  /** Work waiting for the tap's record being saved now (afterTapSaved). */
  private readonly afterSave = new Set<() => void>();
  private readonly queue: LogWriteQueue;
  private readonly checkpoints: CheckpointSchedule;
  /** The log's head as last stored: the snapshot saved at a checkpoint is the state at this sequence number. */
  private storedSeq: number | null = null;

  constructor(private readonly parts: ControllerParts) {
    this.queue = new LogWriteQueue((events) => parts.store.append(parts.episodeId, events), {
      stored: (seq) => {
        this.view = { ...this.view, saving: false, storageError: null };
        this.show(this.latest);
        if (seq !== null) {
          this.storedSeq = seq;
          this.checkpoints.stored();
        }
        this.releaseAfterSave();
      },
      failed: (message) => {
        this.update({ saving: false, storageError: message });
        this.releaseAfterSave();
      },
      slow: () => this.update({ saving: true }),
    });
    this.checkpoints = new CheckpointSchedule(() => this.saveCheckpoint(), () => this.queue.writing || this.queue.pending > 0);
    this.latest = parts.snapshot;
    this.log = [...parts.log];
    this.view = {
      episodeId: parts.episodeId, doc: parts.model.doc, collapse: parts.model.collapse, snapshot: parts.snapshot, move: null,
      identity: parts.identity, startedAt: parts.model.input.startedAt, saving: false, storageError: null,
      canUndo: canUndo(this.log), inCollapse: inCollapse(parts.model, parts.snapshot), ended: null, durable: parts.store.durable,
      notice: parts.notice ?? null, localRef: parts.localRef ?? null, ambulance: parts.ambulance ?? null,
      observations: parts.observations ?? null, cpr: parts.cpr ?? [],
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): EpisodeView => this.view;

  /**
   * Runs `run` once no tap's record is being saved: at once (`waited` false)
   * when none is, else just after the write ends, stored or failed, and the
   * view has moved on (`waited` true), so what it draws comes after the step
   * the tap shows. Returns a cancel function.
   */
  afterTapSaved(run: (waited: boolean) => void): () => void {
    if (!this.queue.busy) {
      run(false);
      return () => undefined;
    }
    const waiting = () => run(true);
    this.afterSave.add(waiting);
    return () => void this.afterSave.delete(waiting);
  }

  private releaseAfterSave(): void {
    const due = [...this.afterSave];
    this.afterSave.clear();
    for (const run of due) run();
  }

  get model(): RunModel {
    return this.parts.model;
  }

  get episodeId(): string {
    return this.parts.episodeId;
  }

  private update(patch: Partial<EpisodeView>): void {
    this.view = { ...this.view, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  private show(snapshot: SopSnapshot): void {
    this.update({ snapshot, move: this.latestMove, canUndo: canUndo(this.log), inCollapse: inCollapse(this.parts.model, snapshot) });
  }

  /** Writes the first step's records (the episode itself is already stored). */
  async begin(): Promise<void> {
    const { records } = firstStep(this.parts.model);
    await this.persist(records.map(recordToRow));
  }

  currentStepId(): string | null {
    const current = stepOf(this.parts.model, this.latest);
    return current ? qualifiedStepId(current) : null;
  }

  /**
   * Applies an event. `fromStepId` marks a tap on a step screen: it is ignored
   * unless that step is still current and nothing is being saved (a double tap
   * must not answer the next question).
   */
  send(event: SopEvent, fromStepId?: string): Promise<void> {
    if (this.view.ended) return Promise.resolve();
    if (fromStepId !== undefined && (this.currentStepId() !== fromStepId || this.holdsTaps())) return Promise.resolve();
    const { snapshot, records } = nextStep(this.parts.model, this.latest, event);
    if (records.length === 0) return Promise.resolve();
    this.latestMove = { from: this.latest, event };
    this.latest = snapshot;
    this.log.push(event);
    if (event.type === 'COLLAPSE' || inCollapse(this.parts.model, snapshot)) this.show(snapshot);
    return this.persist(records.map(recordToRow));
  }

  // Outside the collapse pathway a tap waits for the previous step to be saved;
  // inside it nothing waits for storage.
  private holdsTaps(): boolean {
    return !inCollapse(this.parts.model, this.latest) && (this.queue.writing || this.view.storageError !== null);
  }

  /** Whether a COLLAPSE would enter the resuscitation steps within this episode. */
  acceptsCollapse(): boolean {
    return this.parts.model.collapse !== undefined && this.latest.status !== 'done' && this.latest.context.collapsedAt === null;
  }

  undo(): Promise<void> {
    if (this.view.ended || this.holdsTaps() || !canUndo(this.log)) return Promise.resolve();
    const at = Date.now();
    const stepId = this.currentStepId() ?? '';
    this.log.push({ type: 'UNDO', at });
    this.latestMove = { from: this.latest, event: { type: 'UNDO', at } };
    this.latest = rebuild(this.parts.model, this.log);
    if (inCollapse(this.parts.model, this.latest)) this.show(this.latest);
    return this.persist([undoRow(at, stepId)]);
  }

  /** Adds the optional local reference as a `note` event (replay ignores it). */
  async addLocalRef(localRef: string): Promise<boolean> {
    if (this.view.ended) return false;
    await this.persist([{ id: globalThis.crypto.randomUUID(), type: 'note', stepId: this.currentStepId() ?? '', at: Date.now(), data: { localRef } }]);
    if (this.queue.pending > 0) return false;
    this.update({ localRef });
    return true;
  }

  /** Logs that 999 was called back about a late ambulance, or that it arrived (a `note`, replay ignores it). */
  async noteAmbulance(kind: 'called-back' | 'arrived'): Promise<void> {
    if (this.view.ended) return;
    const at = Date.now();
    this.update({ ambulance: { kind, at } });
    await this.persist([{ id: globalThis.crypto.randomUUID(), type: 'note', stepId: this.currentStepId() ?? '', at, data: { ambulance: kind } }]);
  }

  /**
   * Logs a tap on the CPR clock (a `note`, replay ignores it). The clock moves
   * at once: as everywhere in the collapse pathway, nothing waits for storage.
   * `cycle` is the cycle the tap ended or happened in, for the Log's reader.
   */
  async noteCpr(mark: Omit<CprMark, 'at'>, cycle: number, at = Date.now()): Promise<void> {
    if (this.view.ended) return;
    this.update({ cpr: [...this.view.cpr, { ...mark, at }] });
    await this.persist([{ id: globalThis.crypto.randomUUID(), type: 'note', stepId: this.currentStepId() ?? '', at, data: cprNoteData(mark, cycle) }]);
  }

  /**
   * Records a set of observations as a `note` (replay ignores it; it never moves a step).
   * Returns false when it could not be saved (the values stay on screen for another try).
   */
  async noteObservations(observations: Observations): Promise<boolean> {
    if (this.view.ended) return false;
    await this.persist([{ id: globalThis.crypto.randomUUID(), type: 'note', stepId: this.currentStepId() ?? '', at: observations.takenAt, data: { observations } }]);
    if (this.queue.pending > 0) return false;
    this.update({ observations });
    return true;
  }

  retry(): Promise<void> {
    return this.queue.flush();
  }

  async finish(): Promise<boolean> {
    const step = stepOf(this.parts.model, this.latest);
    const urgency: Urgency | undefined = step?.step.kind === 'outcome' ? step.step.urgency : undefined;
    return this.end({ status: 'completed', at: Date.now(), urgency, outcomeStepId: step?.stepId });
  }

  abandon(reason: string): Promise<boolean> {
    return this.end({ status: 'abandoned', at: Date.now(), reason });
  }

  private async end(request: Parameters<EpisodeStore['end']>[1]): Promise<boolean> {
    await this.queue.flush();
    if (this.queue.pending > 0) return false;
    try {
      await this.parts.store.end(this.parts.episodeId, request);
      // The end is written strictly, which flushes every step before it.
      this.checkpoints.stop();
      this.update({ ended: request.status, storageError: null });
      return true;
    } catch (error) {
      this.update({ storageError: failureMessage(error) });
      return false;
    }
  }

  private persist(rows: NewEvent[]): Promise<void> {
    return this.queue.push(rows);
  }

  /** The page is being hidden: the steps written so far are flushed to the disk now (checkpointSchedule.ts). */
  checkpointNow(): void {
    if (!this.view.ended) this.checkpoints.now();
  }

  // The checkpoint's strict write is the snapshot, a cache for a quick resume:
  // saved at a pause rather than after every tap, it never queues behind (and
  // delays) the next step's log write. It is the state at the stored head, as
  // nothing is waiting to be written when it runs. Its commit also flushes
  // every relaxed log write before it (dbEpisodeStore.ts).
  private saveCheckpoint(): Promise<void> {
    const { store, episodeId, sopHash, appVersion } = this.parts;
    const seq = this.storedSeq;
    if (seq === null) return Promise.resolve();
    return store.checkpoint(episodeId, { sopHash, appVersion, seq, snapshot: persistable(this.latest) });
  }
}
