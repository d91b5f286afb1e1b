// Lays the diagram out: dagre (top to bottom, edges routed around nodes) for
// SOPs of ordinary size, and a linear-time layered layout for large ones,
// where dagre takes seconds (a 301-step SOP: ~0.4 s of CPU; 5,000 steps: far
// longer). Edge labels are wrapped, never cut, and dagre leaves room for
// every line. dagre is passed in, so the app loads it lazily and the
// benchmark runs in Node.
import type { DiagramEdge, DiagramModel, DiagramNode } from './diagramModel';

export interface Dagre {
  graphlib: { Graph: new (options?: { multigraph?: boolean }) => DagreGraph };
  layout(graph: DagreGraph, options?: { disableOptimalOrderHeuristic?: boolean }): void;
}

interface DagreGraph {
  setGraph(label: Record<string, unknown>): void;
  setDefaultEdgeLabel(make: () => Record<string, unknown>): void;
  setNode(id: string, label: Record<string, unknown>): void;
  setEdge(from: string, to: string, label: Record<string, unknown>, name: string): void;
  node(id: string): { x?: number; y?: number };
  edge(from: string, to: string, name: string): { points?: Array<{ x: number; y: number }>; x?: number; y?: number };
  graph(): { width?: number; height?: number };
}

export interface PlacedNode extends DiagramNode { x: number; y: number }
export interface PlacedEdge extends DiagramEdge { points: Array<{ x: number; y: number }>; labelX: number; labelY: number; labelLines: string[] }
export interface DiagramLayout { nodes: PlacedNode[]; edges: PlacedEdge[]; width: number; height: number }

/** Above this many steps the layered layout is used instead of dagre. */
export const DAGRE_MAX_STEPS = 120;
const LABEL_CHAR_WIDTH = 7.2;
const LABEL_LINE_HEIGHT = 14;
const LABEL_CHARS_PER_LINE = 24;

/** An edge label in lines of about 24 characters, every word kept. */
export function wrapLabel(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= LABEL_CHARS_PER_LINE || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const labelSize = (lines: string[]) => ({
  width: lines.length === 0 ? 0 : Math.max(...lines.map((l) => l.length)) * LABEL_CHAR_WIDTH + 8,
  height: lines.length * LABEL_LINE_HEIGHT,
});

export function layoutDiagram(dagre: Dagre, model: DiagramModel): DiagramLayout {
  if (model.nodes.length > DAGRE_MAX_STEPS) return layeredLayout(model);
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  // One ordering pass instead of dagre's repeated crossing search, and the
  // tight-tree ranker: together about half the time of the defaults.
  graph.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 60, edgesep: 16, marginx: 30, marginy: 30, ranker: 'tight-tree' });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of model.nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  const labels = model.edges.map((edge) => wrapLabel(edge.label));
  model.edges.forEach((edge, i) => {
    graph.setEdge(edge.from, edge.to, { ...labelSize(labels[i]!), labelpos: 'c' }, edge.name);
  });
  dagre.layout(graph, { disableOptimalOrderHeuristic: true });
  const nodes = model.nodes.map((node) => {
    const placed = graph.node(node.id);
    return { ...node, x: placed.x ?? 0, y: placed.y ?? 0 };
  });
  const edges = model.edges.map((edge, i) => {
    const placed = graph.edge(edge.from, edge.to, edge.name);
    const points = placed.points ?? [];
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return { ...edge, points, labelX: placed.x ?? middle.x, labelY: placed.y ?? middle.y, labelLines: labels[i]! };
  });
  const size = graph.graph();
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0 };
}

const NODE_GAP = 40;
const RANK_GAP = 70;
const MARGIN = 30;

/**
 * Layers in O(steps + links): each step's row is its longest distance from
 * the roots along links that do not go back up (a loop's way back is drawn
 * upwards); within a row, steps follow their parents' order. Links are
 * straight, labelled at their middle.
 */
export function layeredLayout(model: DiagramModel): DiagramLayout {
  const index = new Map(model.nodes.map((n, i) => [n.id, i]));
  const count = model.nodes.length;
  const out: number[][] = model.nodes.map(() => []);
  for (const edge of model.edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from !== undefined && to !== undefined) out[from]!.push(to);
  }
  // Back links (to a step still open in a depth-first walk) are left out of the ranking.
  const state = new Uint8Array(count);
  const forward: number[][] = model.nodes.map(() => []);
  const roots = [model.nodes.findIndex((n) => n.start), ...model.nodes.map((_, i) => i)].filter((i) => i >= 0);
  for (const root of roots) {
    if (state[root]) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = out[top[0]]![top[1]];
      if (next === undefined) {
        state[top[0]] = 2;
        stack.pop();
        continue;
      }
      top[1] += 1;
      if (state[next] === 1) continue; // a way back up
      forward[top[0]]!.push(next);
      if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  const indegree = new Int32Array(count);
  for (const targets of forward) for (const t of targets) indegree[t]! += 1;
  const rank = new Int32Array(count);
  const queue: number[] = [];
  for (let i = 0; i < count; i += 1) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head += 1) {
    const at = queue[head]!;
    for (const t of forward[at]!) {
      rank[t] = Math.max(rank[t]!, rank[at]! + 1);
      indegree[t]! -= 1;
      if (indegree[t] === 0) queue.push(t);
    }
  }
  // Rows in the order steps were ranked (parents first), so children sit under their parents' side.
  const rows: number[][] = [];
  for (const i of queue) (rows[rank[i]!] ??= []).push(i);
  const rowHeights = rows.map((row) => Math.max(...row.map((i) => model.nodes[i]!.height)));
  const widest = Math.max(...rows.map((row) => row.reduce((w, i) => w + model.nodes[i]!.width + NODE_GAP, -NODE_GAP)));
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  let y = MARGIN;
  rows.forEach((row, r) => {
    const rowWidth = row.reduce((w, i) => w + model.nodes[i]!.width + NODE_GAP, -NODE_GAP);
    let x = MARGIN + (widest - rowWidth) / 2;
    for (const i of row) {
      const node = model.nodes[i]!;
      xs[i] = x + node.width / 2;
      ys[i] = y + rowHeights[r]! / 2;
      x += node.width + NODE_GAP;
    }
    y += rowHeights[r]! + RANK_GAP;
  });
  const nodes = model.nodes.map((node, i) => ({ ...node, x: xs[i]!, y: ys[i]! }));
  const edges = model.edges.map((edge) => {
    const from = index.get(edge.from)!;
    const to = index.get(edge.to)!;
    const a = model.nodes[from]!;
    const b = model.nodes[to]!;
    const down = ys[to]! > ys[from]!;
    const start = { x: xs[from]!, y: ys[from]! + (down ? a.height / 2 : -a.height / 2) };
    const end = { x: xs[to]!, y: ys[to]! + (down ? -b.height / 2 : b.height / 2) };
    return { ...edge, points: [start, end], labelX: (start.x + end.x) / 2, labelY: (start.y + end.y) / 2, labelLines: wrapLabel(edge.label) };
  });
  return { nodes, edges, width: widest + MARGIN * 2, height: y - RANK_GAP + MARGIN };
}
