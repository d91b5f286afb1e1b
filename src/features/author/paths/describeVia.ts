// How a path leaves a step, in the words the author sees in the runner.
import type { SopDocument } from '../../../engine';

export function describeVia(doc: SopDocument, stepId: string, via: string | null): string {
  const step = doc.steps.find((s) => s.id === stepId);
  if (!step || via === null) return step?.kind === 'outcome' ? 'end' : 'continue';
  if (step.kind === 'question') return `answer “${step.options.find((o) => o.id === via)?.label ?? via}”`;
  if (step.kind === 'contact') return `call outcome “${step.outcomes.find((o) => o.id === via)?.label ?? via}”`;
  if (step.kind === 'wait') return via === 'onExpire' ? `let the ${step.minutes}-minute wait run out` : `end the wait: “${step.endEarly.find((o) => o.id === via)?.label ?? via}”`;
  if (step.kind === 'modality') return `route for ${via.toUpperCase()}`;
  return via;
}
