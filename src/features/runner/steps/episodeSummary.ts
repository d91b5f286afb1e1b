// The outcome screen's timeline: each step left (with the answer, call result
// or wait ending) and the collapse, with clock time and time from the start.
// It says what happened: a checklist continued with nothing ticked reads
// "continued, 0 of N done", a role with no number "not configured, not called".
import type { SopContext, SopDocument, Step } from '../../../engine';
import { COLLAPSE_PREFIX, PASSED_VIA, SKIPPED_VIA, itemsShown } from '../../../engine';

export interface SummaryLine {
  at: number;
  text: string;
}

function findStep(doc: SopDocument, collapse: SopDocument | undefined, key: string): Step | undefined {
  if (key.startsWith(COLLAPSE_PREFIX)) return collapse?.steps.find((s) => s.id === key.slice(COLLAPSE_PREFIX.length));
  return doc.steps.find((s) => s.id === key);
}

function howLeft(step: Step, move: SopContext['moves'][number], context: SopContext): string | null {
  const { via } = move;
  if (step.kind === 'question') return step.options.find((o) => o.id === via)?.label ?? via;
  if (step.kind === 'contact') {
    const call = context.contacts.find((c) => c.stepId === move.stepId && c.at === move.at && c.outcome === via);
    if (call?.notConfigured) return 'not configured on this device, not called';
    const label = step.outcomes.find((o) => o.id === via)?.label ?? via;
    return call?.advice ? `${label}: "${call.advice}"` : label;
  }
  if (step.kind === 'wait') {
    if (via === 'onExpire') return 'time ran out';
    if (via === SKIPPED_VIA) return 'left early to try the next contact';
    if (via === PASSED_VIA) return 'passed: nobody was called to call back';
    return step.endEarly.find((o) => o.id === via)?.label ?? via;
  }
  if (step.kind === 'actions') {
    const ticks = context.ticks[move.stepId] ?? {};
    const shown = itemsShown(step, context.modality);
    const done = shown.filter((item) => ticks[item.id] === true).length;
    return done === shown.length ? `done (${done} of ${shown.length})` : `continued, ${done} of ${shown.length} done`;
  }
  return null;
}

export function summaryOf(doc: SopDocument, collapse: SopDocument | undefined, context: SopContext): SummaryLine[] {
  const lines: SummaryLine[] = [{ at: context.startedAt, text: `Started: ${doc.title}` }];
  for (const move of context.moves) {
    const step = findStep(doc, collapse, move.stepId);
    if (!step || step.kind === 'modality') continue;
    const how = howLeft(step, move, context);
    lines.push({ at: move.at, text: how ? `${step.title} — ${how}` : step.title });
  }
  if (context.collapsedAt !== null) lines.push({ at: context.collapsedAt, text: 'Patient collapsed: resuscitation steps started' });
  return lines.sort((a, b) => a.at - b.at);
}
