// What an episode says when the collapse pathway interrupted another SOP: it
// continues as a collapse, and the interrupted finding has not been dealt with —
// so a recovered patient is taken back to it (issue 18), never silently dropped.
import type { SopContext } from './compile/runTypes';
import type { SopDocument } from './schema/document';

/** The step of `doc` the worker was on when the patient collapsed (the last main-SOP step entered), if any. */
function interruptedStep(doc: SopDocument, context: SopContext) {
  const id = [...context.trail].reverse().find((stepId) => !stepId.startsWith('collapse.'));
  const step = doc.steps.find((s) => s.id === id);
  return step && step.kind !== 'modality' ? step : undefined;
}

/**
 * Null unless the collapse pathway was entered from inside `doc` (another SOP).
 * Otherwise the words for the collapse outcome: the episode continued as a
 * collapse, where the SOP stopped, and that its finding still needs acting on.
 */
export function collapseContinuation(doc: SopDocument, collapseDoc: SopDocument | undefined, context: SopContext): string | null {
  if (!collapseDoc || doc.id === collapseDoc.id || context.collapsedAt === null) return null;
  const step = interruptedStep(doc, context);
  const where = step ? ` at "${step.title}"` : '';
  return `This episode continued as a collapse: the ${doc.title} pathway stopped${where} when the patient collapsed. `
    + `Its finding (${doc.finding.replace(/\.$/, '')}) is in the hand-over and has not been dealt with: `
    + `if the patient has recovered, start ${doc.shortTitle ?? doc.title} again from Escalate so the finding is escalated.`;
}
