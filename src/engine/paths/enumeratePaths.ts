// Every path from the start step to an outcome, each way on (step + choice)
// taken at most once per path, so a loop is gone round at most once. Used by
// the CLI, the sign-off document and the model tests.
import type { SopDocument } from '../schema/document';
import type { Modality, Urgency } from '../schema/primitives';
import { stepKindOf } from '../steps/registry';
import type { Successor } from '../steps/stepKind';

export interface PathStep {
  stepId: string;
  /** How the step was left (option, outcome, route or "onExpire"); null for "continue" and for the outcome. */
  via: string | null;
}

export interface SopPath {
  /** The modality this path is for, when it passes a modality step or one was asked for. */
  modality?: Modality;
  steps: PathStep[];
  outcome: string;
  urgency: Urgency;
}

export interface EnumerateOptions {
  modality?: Modality;
  /** Stop after this many paths (default 100,000) so a pathological graph cannot hang a tool. */
  maxPaths?: number;
}

interface Frame {
  index: number;
  successors: Successor[];
  next: number;
}

export function enumeratePaths(doc: SopDocument, options: EnumerateOptions = {}): SopPath[] {
  const maxPaths = options.maxPaths ?? 100_000;
  const indexOf = new Map<string, number>();
  doc.steps.forEach((s, i) => {
    if (!indexOf.has(s.id)) indexOf.set(s.id, i);
  });
  const start = indexOf.get(doc.start);
  const paths: SopPath[] = [];
  if (start === undefined) return paths;

  const usedEdges = new Set<string>();
  const route: PathStep[] = [];
  const chosen: Array<Modality | undefined> = [options.modality];
  const open = (index: number): Frame => {
    const step = doc.steps[index]!;
    const modality = chosen[chosen.length - 1];
    let successors = stepKindOf(step).successors(step);
    if (modality !== undefined) successors = successors.filter((s) => s.modality === undefined || s.modality === modality);
    return { index, successors, next: 0 };
  };

  // An explicit stack rather than recursion: paths can be thousands of steps long.
  const stack: Frame[] = [open(start)];
  while (stack.length > 0 && paths.length < maxPaths) {
    const frame = stack[stack.length - 1]!;
    const step = doc.steps[frame.index]!;
    if (step.kind === 'outcome') {
      const modality = chosen[chosen.length - 1];
      const steps = [...route, { stepId: step.id, via: null }];
      paths.push({ ...(modality ? { modality } : {}), steps, outcome: step.id, urgency: step.urgency });
    }
    const successor = frame.successors[frame.next];
    if (successor === undefined) {
      stack.pop();
      const left = route.pop();
      if (left !== undefined) {
        usedEdges.delete(`${indexOf.get(left.stepId)}:${left.via}`);
        chosen.pop();
      }
      continue;
    }
    frame.next += 1;
    const edge = `${frame.index}:${successor.via}`;
    const target = indexOf.get(successor.target);
    if (target === undefined || usedEdges.has(edge)) continue;
    usedEdges.add(edge);
    route.push({ stepId: step.id, via: successor.via });
    chosen.push(chosen[chosen.length - 1] ?? successor.modality);
    stack.push(open(target));
  }
  return paths;
}
