// The contract of a per-kind step editor: it edits one step of its kind and
// reports the whole new step; the common fields (id, title, text, cites) are
// edited by the step card around it.
import type { SopDocument, StepOfKind } from '../../../engine';
import type { StepKindName } from '../../../engine';

export interface StepEditorProps<K extends StepKindName> {
  step: StepOfKind<K>;
  doc: SopDocument;
  onChange(next: StepOfKind<K>): void;
}
