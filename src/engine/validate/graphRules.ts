// Checks of the step graph: ids unique, every reference points at a step,
// every step reachable, no dead end, and no loop that cannot be left (every
// step can still reach an outcome).
import { problem, type Problem } from './problem';
import { searchAvoiding, type StepGraph } from './stepGraph';

/** State names the compiler adds next to the steps. */
export const RESERVED_STEP_IDS = new Set(['collapse', 'collapseEnded']);

function duplicateIds(items: ReadonlyArray<{ id: string }>, listPath: string, what: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      problems.push(problem('error', 'schema/duplicate-id', `${listPath}[${i}].id`, `${what} id "${item.id}" is used more than once`, listPath === 'steps' ? item.id : undefined));
    }
    seen.add(item.id);
  });
  return problems;
}

export function graphProblems(graph: StepGraph): Problem[] {
  const { doc, steps } = graph;
  const problems: Problem[] = [
    ...duplicateIds(steps, 'steps', 'step'),
    ...duplicateIds(doc.roles, 'roles', 'role'),
    ...duplicateIds(doc.references, 'references', 'reference'),
  ];
  steps.forEach((s, i) => {
    if (RESERVED_STEP_IDS.has(s.id)) {
      problems.push(problem('error', 'schema/reserved-id', `steps[${i}].id`, `"${s.id}" is reserved by the app; choose another step id`, s.id));
    }
  });
  for (const { from, successor } of graph.broken) {
    const step = steps[from]!;
    problems.push(problem('error', 'ref/step', `steps[${from}].${successor.field}`, `leads to "${successor.target}", but there is no step with that id`, step.id));
  }
  if (graph.start === undefined) {
    problems.push(problem('error', 'ref/start', 'start', `the start step "${doc.start}" does not exist`));
    return problems;
  }

  const reached = searchAvoiding(graph.forward, [graph.start], () => false);
  const canFinish = searchAvoiding(graph.backward, graph.outcomes, () => false);

  steps.forEach((s, i) => {
    if (reached[i] === -2) {
      if (graph.indexOf.get(s.id) === i) problems.push(problem('error', 'graph/unreachable', `steps[${i}]`, `step "${s.id}" can never be reached from the start step`, s.id));
      return;
    }
    if (s.kind !== 'outcome' && graph.next[i]!.length === 0) {
      problems.push(problem('error', 'graph/dead-end', `steps[${i}]`, `step "${s.id}" leads nowhere: the worker would be stuck here`, s.id));
    } else if (canFinish[i] === -2) {
      problems.push(problem('error', 'graph/no-way-out', `steps[${i}]`, `from step "${s.id}" no outcome can be reached (a loop that cannot be left, or a dead end further on)`, s.id));
    }
  });
  return problems;
}

/** Every `cites` entry names a reference of the document (paths are written only for a problem). */
export function citationProblems(graph: StepGraph): Problem[] {
  const known = new Set(graph.doc.references.map((r) => r.id));
  const problems: Problem[] = [];
  const checkList = (cites: readonly string[] | undefined, stepIndex: number, stepId: string, itemIndex?: number) => {
    if (cites === undefined) return;
    cites.forEach((id, j) => {
      if (known.has(id)) return;
      const path = itemIndex === undefined ? `steps[${stepIndex}]` : `steps[${stepIndex}].items[${itemIndex}]`;
      problems.push(problem('error', 'ref/cite', `${path}.cites[${j}]`, `cites "${id}", which is not in this SOP's references`, stepId));
    });
  };
  graph.steps.forEach((s, i) => {
    if ('cites' in s) checkList(s.cites, i, s.id);
    if (s.kind === 'actions') s.items.forEach((item, j) => checkList(item.cites, i, s.id, j));
  });
  return problems;
}
