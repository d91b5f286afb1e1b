// The contract of a per-kind step editor: it edits one step of its kind and
// reports the whole new step; the common fields (id, title, text, cites) are
// edited by the step card around it. Editors get a memoised context rather
// than the whole document, so typing in one step re-renders only that step.
import type { Modality, Reference, Role, StepKindName, StepOfKind } from '../../../engine';

export interface StepContext {
  roles: readonly Role[];
  references: readonly Reference[];
  modalities: readonly Modality[];
  start: string;
  /** Every step as a choice for "leads to" selects. */
  linkOptions: ReadonlyArray<{ value: string; label: string }>;
  stepIds: ReadonlySet<string>;
}

export interface StepEditorProps<K extends StepKindName> {
  step: StepOfKind<K>;
  context: StepContext;
  onChange(next: StepOfKind<K>): void;
}
