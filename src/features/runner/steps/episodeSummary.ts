// The outcome screen's timeline: each step left (with the answer, call result
// or wait ending) and the collapse, with clock time and time from the start.
import type { SopContext, SopDocument, Step } from '../../../engine';
import { COLLAPSE_PREFIX } from '../../../engine';

export interface SummaryLine {
  at: number;
  text: string;
}

function findStep(doc: SopDocument, collapse: SopDocument | undefined, key: string): Step | undefined {
  if (key.startsWith(COLLAPSE_PREFIX)) return collapse?.steps.find((s) => s.id === key.slice(COLLAPSE_PREFIX.length));
  return doc.steps.find((s) => s.id === key);
}

function howLeft(step: Step, via: string | null): string | null {
  if (step.kind === 'question') return step.options.find((o) => o.id === via)?.label ?? via;
  if (step.kind === 'contact') return step.outcomes.find((o) => o.id === via)?.label ?? via;
  if (step.kind === 'wait') return via === 'onExpire' ? 'time ran out' : (step.endEarly.find((o) => o.id === via)?.label ?? via);
  if (step.kind === 'actions') return 'done';
  return null;
}

export function summaryOf(doc: SopDocument, collapse: SopDocument | undefined, context: SopContext): SummaryLine[] {
  const lines: SummaryLine[] = [{ at: context.startedAt, text: `Started: ${doc.title}` }];
  for (const move of context.moves) {
    const step = findStep(doc, collapse, move.stepId);
    if (!step || step.kind === 'modality') continue;
    const how = howLeft(step, move.via);
    lines.push({ at: move.at, text: how ? `${step.title} — ${how}` : step.title });
  }
  if (context.collapsedAt !== null) lines.push({ at: context.collapsedAt, text: 'Patient collapsed: resuscitation steps started' });
  return lines.sort((a, b) => a.at - b.at);
}
