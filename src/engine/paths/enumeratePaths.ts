// Every path from the start step to an outcome, each way on (step + choice)
// taken at most once per path, so a loop is gone round at most once. Paths
// are produced one at a time (`walkPaths`), so a tool can stream them and a
// huge SOP never has to hold them all; `countPaths` gives the true count per
// urgency without walking them when the graph has no loop. Used by the CLI,
// the sign-off document, the author's Paths view and the model tests.
import type { SopDocument } from '../schema/document';
import { URGENCIES, type Modality, type Urgency } from '../schema/primitives';
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

export interface WalkOptions {
  modality?: Modality;
  /** Only paths ending in an outcome of this urgency; branches that cannot reach one are not entered. */
  urgency?: Urgency;
}

interface Frame {
  index: number;
  successors: Successor[];
  next: number;
}

function safeSuccessors(step: SopDocument['steps'][number]): Successor[] {
  try {
    return stepKindOf(step).successors(step);
  } catch {
    return [];
  }
}

function indexSteps(doc: SopDocument): Map<string, number> {
  const indexOf = new Map<string, number>();
  doc.steps.forEach((s, i) => {
    if (!indexOf.has(s.id)) indexOf.set(s.id, i);
  });
  return indexOf;
}

/** Steps from which an outcome of `urgency` can be reached (a backward search, O(steps + links)). */
function canReachUrgency(doc: SopDocument, indexOf: Map<string, number>, urgency: Urgency): Uint8Array {
  const back: number[][] = doc.steps.map(() => []);
  doc.steps.forEach((step, i) => {
    for (const s of safeSuccessors(step)) {
      const target = indexOf.get(s.target);
      if (target !== undefined) back[target]!.push(i);
    }
  });
  const reach = new Uint8Array(doc.steps.length);
  const queue: number[] = [];
  doc.steps.forEach((step, i) => {
    if (step.kind === 'outcome' && step.urgency === urgency && indexOf.get(step.id) === i) {
      reach[i] = 1;
      queue.push(i);
    }
  });
  for (let head = 0; head < queue.length; head += 1) {
    for (const from of back[queue[head]!]!) {
      if (!reach[from]) {
        reach[from] = 1;
        queue.push(from);
      }
    }
  }
  return reach;
}

/** Paths one at a time, depth first, in the order of the document's choices. */
export function* walkPaths(doc: SopDocument, options: WalkOptions = {}): Generator<SopPath, void, undefined> {
  const indexOf = indexSteps(doc);
  const start = indexOf.get(doc.start);
  if (start === undefined) return;
  const reach = options.urgency === undefined ? null : canReachUrgency(doc, indexOf, options.urgency);
  if (reach && !reach[start]) return;

  const usedEdges = new Set<string>();
  const route: PathStep[] = [];
  const chosen: Array<Modality | undefined> = [options.modality];
  const open = (index: number): Frame => {
    const step = doc.steps[index]!;
    const modality = chosen[chosen.length - 1];
    let successors = safeSuccessors(step);
    if (modality !== undefined) successors = successors.filter((s) => s.modality === undefined || s.modality === modality);
    return { index, successors, next: 0 };
  };

  // An explicit stack rather than recursion: paths can be thousands of steps long.
  const stack: Frame[] = [open(start)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const step = doc.steps[frame.index]!;
    if (frame.next === 0 && step.kind === 'outcome' && (options.urgency === undefined || step.urgency === options.urgency)) {
      const modality = chosen[chosen.length - 1];
      const steps = [...route, { stepId: step.id, via: null }];
      yield { ...(modality ? { modality } : {}), steps, outcome: step.id, urgency: step.urgency };
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
    if (target === undefined || usedEdges.has(edge) || (reach && !reach[target])) continue;
    usedEdges.add(edge);
    route.push({ stepId: step.id, via: successor.via });
    chosen.push(chosen[chosen.length - 1] ?? successor.modality);
    stack.push(open(target));
  }
}

/** The first `maxPaths` paths (default 100,000), in walk order. */
export function enumeratePaths(doc: SopDocument, options: EnumerateOptions = {}): SopPath[] {
  const maxPaths = options.maxPaths ?? 100_000;
  const paths: SopPath[] = [];
  if (maxPaths <= 0) return paths;
  for (const path of walkPaths(doc, options.modality ? { modality: options.modality } : {})) {
    paths.push(path);
    if (paths.length >= maxPaths) break;
  }
  return paths;
}

export interface PathCount {
  /** True when `total` is the exact count; false when it is a lower bound (walking stopped at `limit`). */
  exact: boolean;
  total: bigint;
  byUrgency: Record<Urgency, bigint>;
}

const zeroCounts = (): Record<Urgency, bigint> => ({ emergency: 0n, 'same-day': 0n, urgent: 0n, routine: 0n });

/** Whether the step graph has a loop (iterative three-colour search). */
function hasLoop(doc: SopDocument, indexOf: Map<string, number>): boolean {
  const targets = doc.steps.map((step) => safeSuccessors(step).map((s) => indexOf.get(s.target)).filter((t): t is number => t !== undefined));
  const colour = new Uint8Array(doc.steps.length); // 0 new, 1 open, 2 done
  for (let root = 0; root < doc.steps.length; root += 1) {
    if (colour[root]) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    colour[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = targets[top[0]]![top[1]];
      if (next === undefined) {
        colour[top[0]] = 2;
        stack.pop();
        continue;
      }
      top[1] += 1;
      if (colour[next] === 1) return true;
      if (colour[next] === 0) {
        colour[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  return false;
}

/**
 * How many paths there are, by urgency. Without a loop the count is exact
 * and costs O(steps × links) whatever the number (it may be astronomically
 * large: a BigInt). With a loop the paths are walked, up to `limit`
 * (default 200,000); past it the count is a lower bound (`exact: false`).
 */
export function countPaths(doc: SopDocument, options: { modality?: Modality; limit?: number } = {}): PathCount {
  const indexOf = indexSteps(doc);
  const start = indexOf.get(doc.start);
  if (start === undefined) return { exact: true, total: 0n, byUrgency: zeroCounts() };
  if (hasLoop(doc, indexOf)) {
    const limit = options.limit ?? 200_000;
    const byUrgency = zeroCounts();
    let total = 0n;
    for (const path of walkPaths(doc, options.modality ? { modality: options.modality } : {})) {
      byUrgency[path.urgency] += 1n;
      total += 1n;
      if (total >= BigInt(limit)) return { exact: false, total, byUrgency };
    }
    return { exact: true, total, byUrgency };
  }
  // No loop: count by dynamic programming over (step, modality chosen so far).
  const modalityKeys: Array<Modality | undefined> = [undefined, 'echo', 'ct', 'mri'];
  const memo = new Map<number, Record<Urgency, bigint>>();
  const keyOf = (index: number, modality: Modality | undefined) => index * 4 + modalityKeys.indexOf(modality);
  const countFrom = (root: number, rootModality: Modality | undefined): Record<Urgency, bigint> => {
    // Iterative post-order so a 5,000-step chain cannot overflow the call stack.
    const stack: Array<{ index: number; modality: Modality | undefined; expanded: boolean }> = [{ index: root, modality: rootModality, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const key = keyOf(top.index, top.modality);
      if (memo.has(key)) {
        stack.pop();
        continue;
      }
      const step = doc.steps[top.index]!;
      const successors = safeSuccessors(step).filter((s) => top.modality === undefined || s.modality === undefined || s.modality === top.modality);
      const children = successors.flatMap((s) => {
        const target = indexOf.get(s.target);
        return target === undefined ? [] : [{ index: target, modality: top.modality ?? s.modality }];
      });
      if (!top.expanded) {
        top.expanded = true;
        for (const child of children) if (!memo.has(keyOf(child.index, child.modality))) stack.push({ ...child, expanded: false });
        continue;
      }
      const counts = zeroCounts();
      if (step.kind === 'outcome') counts[step.urgency] += 1n;
      for (const child of children) {
        const sub = memo.get(keyOf(child.index, child.modality))!;
        for (const u of URGENCIES) counts[u] += sub[u];
      }
      memo.set(key, counts);
      stack.pop();
    }
    return memo.get(keyOf(root, rootModality))!;
  };
  const byUrgency = countFrom(start, options.modality);
  const total = URGENCIES.reduce((sum, u) => sum + byUrgency[u], 0n);
  return { exact: true, total, byUrgency };
}
