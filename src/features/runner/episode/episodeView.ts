// What the runner's screens see of an episode, and what a controller is made of.
import type { CprMark, LoggedEvent, Observations, SopDocument, SopSnapshot } from '../../../engine';
import type { EpisodeIdentity, EpisodeStore } from './episodeStore';
import type { RunModel } from './runModel';

export interface EpisodeView {
  episodeId: string;
  doc: SopDocument;
  collapse: SopDocument | undefined;
  snapshot: SopSnapshot;
  /**
   * How the episode came to `snapshot`: the last event applied and the
   * snapshot it was applied to (null until the first). A saved tap whose
   * screen was made ready for exactly this move is revealed as made (StepStage).
   */
  move: EpisodeMove | null;
  identity: EpisodeIdentity;
  startedAt: number;
  /** A slow write is in flight (announced with aria-busy). */
  saving: boolean;
  /** Plain-English storage failure; the unsaved steps are kept for Retry. */
  storageError: string | null;
  canUndo: boolean;
  inCollapse: boolean;
  ended: 'completed' | 'abandoned' | null;
  /** False in the sandbox: nothing is written to the governance log. */
  durable: boolean;
  /** A standing warning, e.g. the log could not be opened so this episode is not being recorded. */
  notice: string | null;
  /** The optional local episode reference, once added. */
  localRef: string | null;
  /** The latest word on the 999 ambulance: called back (the wait starts again) or arrived. */
  ambulance: AmbulanceNote | null;
  /** The latest observations record (HR, BP, SpO2, RR, temperature, ACVPU, O2, onset), if any. */
  observations: Observations | null;
  /** The taps on the CPR clock, in the order logged: the CPR clock is read from them (features/runner/cpr). */
  cpr: readonly CprMark[];
}

export interface EpisodeMove {
  from: SopSnapshot;
  event: LoggedEvent;
}

export interface AmbulanceNote {
  kind: 'called-back' | 'arrived';
  at: number;
}

export interface ControllerParts {
  store: EpisodeStore;
  model: RunModel;
  episodeId: string;
  identity: EpisodeIdentity;
  snapshot: SopSnapshot;
  log: LoggedEvent[];
  sopHash: string;
  appVersion: string;
  notice?: string;
  localRef?: string | null;
  ambulance?: AmbulanceNote | null;
  observations?: Observations | null;
  cpr?: readonly CprMark[];
}
