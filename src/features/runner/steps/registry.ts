// The one place step screens are registered, keyed by step kind. The runner
// looks the screen up here and never switches on kind; modality steps route
// automatically and have no screen.
import type { Step } from '../../../engine';
import { ActionsScreen } from './actions';
import { ContactScreen } from './contact';
import { OutcomeScreen } from './outcome';
import { QuestionScreen } from './question';
import type { ShownKind, StepScreen } from './stepScreen';
import { WaitScreen } from './wait';

export const STEP_SCREENS: { [K in ShownKind]: StepScreen<K> } = {
  question: QuestionScreen,
  actions: ActionsScreen,
  contact: ContactScreen,
  wait: WaitScreen,
  outcome: OutcomeScreen,
};

/**
 * Step kinds whose screen, as made ready out of sight, draws nothing from the
 * time of the tap that leads to it (no clock time, no countdown from it), so a
 * screen made ready before that tap is the one the saved tap shows until React
 * draws it on show, and may be revealed as made (StepStage). The outcome draws
 * its times only once on show; a wait, counting down from the tap, is left to
 * React. tests/features/runner/readyScreens.test.tsx holds every bundled SOP to it.
 */
const DRAWN_BEFORE_THE_TAP: ReadonlySet<string> = new Set<ShownKind>(['question', 'actions', 'contact', 'outcome']);

export const drawnBeforeTheTap = (step: Step): boolean => DRAWN_BEFORE_THE_TAP.has(step.kind);

export function screenFor(step: Step): StepScreen | null {
  const screen = (STEP_SCREENS as Record<string, StepScreen | undefined>)[step.kind];
  return screen ?? null;
}
