// The contract between the runner and each step kind's screen: the step, the
// episode as it stands, and a `send` that stamps the time and ties the tap to
// this step (so a late tap can never answer the next question).
import type { ComponentType } from 'react';
import type { CurrentStep, SopEvent, StepOfKind } from '../../../engine';
import type { EpisodeView } from '../episode/episodeController';

type WithoutTime<E> = E extends unknown ? Omit<E, 'at'> : never;
export type StepEventInput = WithoutTime<SopEvent>;

export interface StepScreenProps<K extends ShownKind = ShownKind> {
  step: StepOfKind<K>;
  current: CurrentStep;
  /** Key of this step in the run's context ("collapse.x" inside the collapse pathway). */
  stepKey: string;
  view: EpisodeView;
  send(event: StepEventInput): void;
  /** Ends a finished episode (outcome screen). */
  finish(): void;
}

/** Modality steps route by themselves and are never shown. */
export type ShownKind = 'question' | 'actions' | 'contact' | 'wait' | 'outcome';

export type StepScreen<K extends ShownKind = ShownKind> = ComponentType<StepScreenProps<K>>;
