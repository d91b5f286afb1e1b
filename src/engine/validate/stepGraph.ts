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
  /** Successors whose target does not exist. */
  broken: ReadonlyArray<{ from: number; successor: Successor }>;
  start: number | undefined;
}

export function buildStepGraph(doc: SopDocument): StepGraph {
  const indexOf = new Map<string, number>();
  doc.steps.forEach((s, i) => {
    if (!indexOf.has(s.id)) indexOf.set(s.id, i);
  });
  const broken: Array<{ from: number; successor: Successor }> = [];
  const next = doc.steps.map((step, from) =>
    stepKindOf(step).successors(step).flatMap((successor) => {
      const to = indexOf.get(successor.target);
      if (to === undefined) {
        broken.push({ from, successor });
        return [];
      }
      return [{ to, successor }];
    }),
  );
  return { doc, steps: doc.steps, indexOf, next, broken, start: indexOf.get(doc.start) };
}

/** Reverse adjacency (predecessors), for "can this step still reach an outcome?". */
export function predecessorsOf(graph: StepGraph): number[][] {
  const prev: number[][] = graph.steps.map(() => []);
  graph.next.forEach((edges, from) => edges.forEach(({ to }) => prev[to]!.push(from)));
  return prev;
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

export const forwardAdjacency = (graph: StepGraph): number[][] => graph.next.map((edges) => edges.map((e) => e.to));

/** Step ids from the search root to `index`, following parent links. */
export function chainTo(graph: StepGraph, parent: Int32Array, index: number): string[] {
  const ids: string[] = [];
  for (let at = index; at >= 0 && ids.length <= graph.steps.length; at = parent[at]!) ids.push(graph.steps[at]!.id);
  return ids.reverse();
}

export function describeChain(ids: readonly string[]): string {
  return ids.length > 8 ? [...ids.slice(0, 3), '…', ...ids.slice(-4)].join(' → ') : ids.join(' → ');
}
