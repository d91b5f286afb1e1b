// Which step a snapshot is on, resolved to the document step (main SOP or the
// embedded collapse SOP) so the runner can render it.
import { COLLAPSE_ENDED_STATE, COLLAPSE_STATE } from './compile/compileSop';
import type { SopContext } from './compile/runTypes';
import type { SopDocument, Step } from './schema/document';

export interface CurrentStep {
  stepId: string;
  step: Step;
  inCollapse: boolean;
}

type SnapshotLike = { value: unknown; context: SopContext };

const find = (doc: SopDocument | undefined, id: string | undefined): Step | undefined =>
  id === undefined ? undefined : doc?.steps.find((s) => s.id === id);

/** The current step, or null when the snapshot is not on a known step. */
export function currentStep(doc: SopDocument, snapshot: SnapshotLike, collapseDoc?: SopDocument): CurrentStep | null {
  const { value, context } = snapshot;
  if (typeof value === 'string') {
    if (value === COLLAPSE_ENDED_STATE) {
      const id = context.outcome?.slice(COLLAPSE_STATE.length + 1);
      const step = find(collapseDoc, id);
      return step && id ? { stepId: id, step, inCollapse: true } : null;
    }
    const step = find(doc, value);
    return step ? { stepId: value, step, inCollapse: false } : null;
  }
  if (value !== null && typeof value === 'object') {
    const inner = (value as Record<string, unknown>)[COLLAPSE_STATE];
    const step = typeof inner === 'string' ? find(collapseDoc, inner) : undefined;
    return step && typeof inner === 'string' ? { stepId: inner, step, inCollapse: true } : null;
  }
  return null;
}
