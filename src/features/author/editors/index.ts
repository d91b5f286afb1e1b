// The one place per-kind step editors are registered, mirroring the engine's
// step-kind registry: adding a kind means adding its editor here.
import type { ComponentType } from 'react';
import type { StepKindName } from '../../../engine';
import { ActionsEditor } from './actions';
import { ContactEditor } from './contact';
import { ModalityEditor } from './modality';
import { OutcomeEditor } from './outcome';
import { QuestionEditor } from './question';
import type { StepEditorProps } from './types';
import { WaitEditor } from './wait';

export const STEP_EDITORS: { [K in StepKindName]: ComponentType<StepEditorProps<K>> } = {
  question: QuestionEditor,
  actions: ActionsEditor,
  contact: ContactEditor,
  wait: WaitEditor,
  modality: ModalityEditor,
  outcome: OutcomeEditor,
};

export const STEP_KIND_LABEL: Record<StepKindName, string> = {
  question: 'Question',
  actions: 'Actions checklist',
  contact: 'Contact (call a role)',
  wait: 'Wait (call-back timer)',
  modality: 'Route by modality',
  outcome: 'Outcome (end)',
};
