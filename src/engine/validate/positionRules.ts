// The position statement's escalation rules, which no generic tool knows.
// Each is a reachability question on the step graph ("can an outcome be
// reached while avoiding these steps?"), so it costs O(steps + edges) and
// reports an example path instead of enumerating every path.
// Rule 3 (a way on when nobody answers) lives with the contact step kind.
import type { RoleType } from '../schema/primitives';
import { problem, type Problem } from './problem';
import { chainTo, describeChain, searchAvoiding, type StepGraph } from './stepGraph';

/** Contacts that count as speaking to a clinician / handing over (rules 1 and 2). */
export const CLINICAL_CONTACT_TYPES: ReadonlySet<RoleType> = new Set<RoleType>(['clinician', 'receiving-team']);

function roleTypeAt(graph: StepGraph, index: number): RoleType | undefined {
  const step = graph.steps[index]!;
  if (step.kind !== 'contact') return undefined;
  return graph.doc.roles.find((r) => r.id === step.role)?.type;
}

export function positionProblems(graph: StepGraph): Problem[] {
  if (graph.start === undefined) return [];
  const problems: Problem[] = [];
  const { forward } = graph;
  const types = graph.steps.map((_, i) => roleTypeAt(graph, i));
  const isClinicalContact = (i: number) => types[i] !== undefined && CLINICAL_CONTACT_TYPES.has(types[i]!);

  // Rule 1: no report-only escalation.
  const withoutClinician = searchAvoiding(forward, [graph.start], isClinicalContact);
  graph.steps.forEach((s, i) => {
    if (s.kind !== 'outcome' || (s.urgency !== 'emergency' && s.urgency !== 'same-day') || withoutClinician[i] === -2) return;
    problems.push(problem('error', 'rule1/report-only', `steps[${i}]`,
      `this ${s.urgency} outcome can be reached without contacting a clinician or receiving team first, e.g. ${describeChain(chainTo(graph, withoutClinician, i))}`, s.id));
  });

  // Rule 2: no blanket 999 — an ambulance call is never the only hand-over on its path.
  const finishesWithout = searchAvoiding(graph.backward, graph.outcomes, isClinicalContact);
  graph.steps.forEach((s, i) => {
    if (types[i] !== 'ambulance' || withoutClinician[i] === -2 || finishesWithout[i] === -2) return;
    const onward: string[] = [];
    for (let at = finishesWithout[i]!; at >= 0 && onward.length <= graph.steps.length; at = finishesWithout[at]!) onward.push(graph.steps[at]!.id);
    problems.push(problem('error', 'rule2/blanket-999', `steps[${i}]`,
      `a path calls the ambulance service here without also handing over to the cardiology network or receiving team, e.g. ${describeChain([...chainTo(graph, withoutClinician, i), ...onward])}`, s.id));
  });

  // Rule 4: every emergency path has an actions step for the patient's safety while waiting.
  const withoutActions = searchAvoiding(forward, [graph.start], (i) => graph.steps[i]!.kind === 'actions');
  graph.steps.forEach((s, i) => {
    if (s.kind !== 'outcome' || s.urgency !== 'emergency' || withoutActions[i] === -2) return;
    problems.push(problem('error', 'rule4/no-safety-actions', `steps[${i}]`,
      `this emergency outcome can be reached without an actions step to keep the patient safe while waiting, e.g. ${describeChain(chainTo(graph, withoutActions, i))}`, s.id));
  });
  return problems;
}
