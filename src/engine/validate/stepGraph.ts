// The SOP as an index-based graph (one node per step, one edge per way on),
// built once in O(steps + edges) and shared by the graph and position-rule
// checks so a 2,000-step SOP stays fast.
import type { SopDocument, Step } from '../schema/document';
import { stepKindOf } from '../steps/registry';
import type { Successor } from '../steps/stepKind';

export interface StepGraph {
  doc: SopDocument;
  steps: readonly Step[];
  /** First index of each id (duplicates are reported separately). */
  indexOf: ReadonlyMap<string, number>;
  /** Successors whose target exists, as indices. */
  next: ReadonlyArray<ReadonlyArray<{ to: number; successor: Successor }>>;
  /** The same edges as plain indices, and reversed (predecessors), for the searches. */
  forward: ReadonlyArray<ReadonlyArray<number>>;
  backward: ReadonlyArray<ReadonlyArray<number>>;
  /** Indices of the outcome steps. */
  outcomes: readonly number[];
  /** Successors whose target does not exist. */
  broken: ReadonlyArray<{ from: number; successor: Successor }>;
  start: number | undefined;
}

/** Built once per document; every graph check and rule reads the same adjacency. */
export function buildStepGraph(doc: SopDocument): StepGraph {
  const { steps } = doc;
  const indexOf = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!indexOf.has(s.id)) indexOf.set(s.id, i);
  });
  const broken: Array<{ from: number; successor: Successor }> = [];
  const next: Array<Array<{ to: number; successor: Successor }>> = [];
  const forward: number[][] = [];
  const backward: number[][] = steps.map(() => []);
  const outcomes: number[] = [];
  steps.forEach((step, from) => {
    if (step.kind === 'outcome') outcomes.push(from);
    const edges: Array<{ to: number; successor: Successor }> = [];
    const targets: number[] = [];
    for (const successor of stepKindOf(step).successors(step)) {
      const to = indexOf.get(successor.target);
      if (to === undefined) {
        broken.push({ from, successor });
        continue;
      }
      edges.push({ to, successor });
      targets.push(to);
      backward[to]!.push(from);
    }
    next.push(edges);
    forward.push(targets);
  });
  return { doc, steps, indexOf, next, forward, backward, outcomes, broken, start: indexOf.get(doc.start) };
}

/**
 * Breadth-first search from `from`, never entering a blocked step. Returns the
 * parent of each reached step (-1 for the roots) so example paths can be shown.
 */
export function searchAvoiding(
  adjacency: ReadonlyArray<ReadonlyArray<number>>,
  from: readonly number[],
  blocked: (index: number) => boolean,
): Int32Array {
  const parent = new Int32Array(adjacency.length).fill(-2);
  const queue: number[] = [];
  for (const root of from) {
    if (blocked(root) || parent[root] !== -2) continue;
    parent[root] = -1;
    queue.push(root);
  }
  for (let head = 0; head < queue.length; head += 1) {
    const at = queue[head]!;
    for (const to of adjacency[at]!) {
      if (parent[to] !== -2 || blocked(to)) continue;
      parent[to] = at;
      queue.push(to);
    }
  }
  return parent;
}

/** Step ids from the search root to `index`, following parent links. */
export function chainTo(graph: StepGraph, parent: Int32Array, index: number): string[] {
  const ids: string[] = [];
  for (let at = index; at >= 0 && ids.length <= graph.steps.length; at = parent[at]!) ids.push(graph.steps[at]!.id);
  return ids.reverse();
}

export function describeChain(ids: readonly string[]): string {
  return ids.length > 8 ? [...ids.slice(0, 3), '…', ...ids.slice(-4)].join(' → ') : ids.join(' → ');
}
