// What the SOP diagram shows, before layout: one node per step (sized for its
// wrapped title) and one labelled edge per way on. Pure, so the benchmark and
// tests use it without a browser.
import { stepKindOf, type Problem, type SopDocument, type Step, type StepKindName, type Urgency } from '../../../engine';

export interface DiagramNode {
  id: string;
  kind: StepKindName;
  lines: string[];
  width: number;
  height: number;
  urgency?: Urgency;
  /** Error messages for this step ("!" marker); empty when it has none. */
  problems: string[];
  start: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label: string;
  /** Unique per edge, so two ways between the same steps are both drawn. */
  name: string;
}

export interface DiagramModel {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

const CHARS_PER_LINE = 26;
const MAX_LINES = 3;
export const NODE_WIDTH = 220;
const LINE_HEIGHT = 18;

/** Wraps a title into at most three short lines, ending with "…" when cut. */
export function wrapTitle(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= CHARS_PER_LINE) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > CHARS_PER_LINE ? `${word.slice(0, CHARS_PER_LINE - 1)}…` : word;
    }
    if (lines.length === MAX_LINES) break;
  }
  if (line && lines.length < MAX_LINES) lines.push(line);
  if (lines.length === MAX_LINES && words.join(' ').length > lines.join(' ').length) {
    lines[MAX_LINES - 1] = `${lines[MAX_LINES - 1]!.slice(0, CHARS_PER_LINE - 1)}…`;
  }
  return lines.length > 0 ? lines : ['(untitled)'];
}

function edgeLabel(step: Step, via: string | null): string {
  if (via === null) return '';
  if (step.kind === 'question') return step.options.find((o) => o.id === via)?.label ?? via;
  if (step.kind === 'contact') return step.outcomes.find((o) => o.id === via)?.label ?? via;
  if (step.kind === 'wait') return via === 'onExpire' ? `after ${step.minutes} min` : step.endEarly.find((o) => o.id === via)?.label ?? via;
  if (step.kind === 'modality') return via.toUpperCase();
  return via;
}

export function diagramModel(doc: SopDocument, problems: readonly Problem[] = []): DiagramModel {
  const ids = new Set(doc.steps.map((s) => s.id));
  const errorsByStep = new Map<string, string[]>();
  for (const p of problems) {
    if (p.severity !== 'error' || p.stepId === undefined) continue;
    errorsByStep.set(p.stepId, [...(errorsByStep.get(p.stepId) ?? []), p.message]);
  }
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  for (const step of doc.steps) {
    if (seen.has(step.id)) continue;
    seen.add(step.id);
    const lines = wrapTitle(step.title || step.id);
    const extra = step.kind === 'outcome' ? 1 : 0;
    nodes.push({
      id: step.id,
      kind: step.kind,
      lines,
      width: NODE_WIDTH,
      height: 28 + (lines.length + extra) * LINE_HEIGHT + (step.kind === 'question' ? 16 : 0),
      urgency: step.kind === 'outcome' ? step.urgency : undefined,
      problems: errorsByStep.get(step.id) ?? [],
      start: doc.start === step.id,
    });
    let successors: ReturnType<ReturnType<typeof stepKindOf>['successors']> = [];
    try {
      successors = stepKindOf(step).successors(step);
    } catch {
      successors = [];
    }
    successors.forEach((s, i) => {
      if (ids.has(s.target)) edges.push({ from: step.id, to: s.target, label: edgeLabel(step, s.via), name: `${step.id}#${i}` });
    });
  }
  return { nodes, edges };
}
