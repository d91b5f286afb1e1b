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

export function screenFor(step: Step): StepScreen | null {
  const screen = (STEP_SCREENS as Record<string, StepScreen | undefined>)[step.kind];
  return screen ?? null;
}
