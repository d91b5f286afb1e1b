// The position statement's escalation rules, which no generic tool knows.
// Each is a reachability question on the step graph ("can an outcome be
// reached while avoiding these steps?"), so it costs O(steps + edges) and
// reports an example path instead of enumerating every path.
// Rule 3 (a way on when nobody answers) lives with the contact step kind;
// its loop check (no answer straight back to the same call) is here.
// Every rule reads the role types the author cannot talk past
// (effectiveRoleType.ts), never the declared ones.
import type { RoleType } from '../schema/primitives';
import type { Step } from '../schema/document';
import { readRoleType } from '../effectiveRoleType';
import { EXPIRED_VIA } from '../steps/wait';
import { problem, type Problem } from './problem';
import { chainTo, describeChain, searchAvoiding, type StepGraph } from './stepGraph';

/** Contacts that count as speaking to a clinician / handing over (rules 1 and 2). */
export const CLINICAL_CONTACT_TYPES: ReadonlySet<RoleType> = new Set<RoleType>(['clinician', 'receiving-team']);

/** Contacts that escalate beyond the clinicians when none answered (the unanswered-path rule). */
export const ESCALATION_TYPES: ReadonlySet<RoleType> = new Set<RoleType>(['ambulance', 'resuscitation']);

/** An outcome that says, in its own words, that no clinician was reached. */
const SAYS_UNREACHED = /\b(?:nobody|no[- ]one|no(?: [a-z]+){1,2}) (?:could|was|were|can) (?:be )?(?:reached|contacted)|no clinician|not (?:be )?reached|could not (?:be )?(?:reach|contact)|unable to (?:reach|contact)|unanswered|nobody answered|no[- ]one answered|not answered|no answer/i;

/** The local directory's number per role id, when the caller knows it. */
export type DirectoryPhones = Readonly<Record<string, string>>;

function roleTypeAt(graph: StepGraph, index: number, phones: DirectoryPhones): RoleType | undefined {
  const step = graph.steps[index]!;
  if (step.kind !== 'contact') return undefined;
  const role = graph.doc.roles.find((r) => r.id === step.role);
  return role ? readRoleType(role, phones[role.id]).type : undefined;
}

function resultOf(step: Step, via: string): string | undefined {
  return step.kind === 'contact' ? step.outcomes.find((o) => o.id === via)?.result : undefined;
}

function outcomeSaysUnreached(step: Step): boolean {
  if (step.kind !== 'outcome') return false;
  return [step.title, step.text ?? '', step.disposition, step.reportWording].some((text) => SAYS_UNREACHED.test(text));
}

/** Roles whose declared type the rules do not believe, each reported so the author sees why. */
function roleTypeProblems(graph: StepGraph, phones: DirectoryPhones): Problem[] {
  return graph.doc.roles.flatMap((role, i) => {
    const reading = readRoleType(role, phones[role.id]);
    return reading.overridden !== null ? [problem('error', 'roles/type', `roles[${i}].type`, `role "${role.id}" is declared "${role.type}" but ${reading.overridden ?? ''}; declare it "${reading.type}"`)] : [];
  });
}

export function positionProblems(graph: StepGraph, phones: DirectoryPhones = {}): Problem[] {
  if (graph.start === undefined) return [];
  const problems: Problem[] = roleTypeProblems(graph, phones);
  const { forward } = graph;
  const types = graph.steps.map((_, i) => roleTypeAt(graph, i, phones));
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

  // Rule 1, unanswered paths: with every clinician contact taking its "no answer"
  // way, an emergency or same-day outcome must still come after an escalation
  // (ambulance or resuscitation call) or say that no clinician was reached.
  // A wait's end-early ways are call-backs (an answer), so on these paths a wait runs out.
  const unansweredForward = graph.steps.map((s, i) => {
    if (isClinicalContact(i) && s.kind === 'contact') return graph.next[i]!.filter((edge) => resultOf(s, edge.successor.via ?? '') === 'noAnswer').map((edge) => edge.to);
    if (s.kind === 'wait') return graph.next[i]!.filter((edge) => edge.successor.via === EXPIRED_VIA).map((edge) => edge.to);
    return forward[i]!;
  });
  const isEscalation = (i: number) => types[i] !== undefined && ESCALATION_TYPES.has(types[i]!);
  const unanswered = searchAvoiding(unansweredForward, [graph.start], isEscalation);
  graph.steps.forEach((s, i) => {
    if (s.kind !== 'outcome' || (s.urgency !== 'emergency' && s.urgency !== 'same-day') || unanswered[i] === -2 || outcomeSaysUnreached(s)) return;
    problems.push(problem('error', 'rule1/unanswered-path', `steps[${i}]`,
      `when every clinician called goes unanswered this ${s.urgency} outcome is still reached without an escalation (ambulance or emergency call) and without saying that no clinician was reached, e.g. ${describeChain(chainTo(graph, unanswered, i))}`, s.id));
  });

  // Rule 3, loops: "no answer" must not lead straight back to the same call
  // without a wait or another contact (an escalation) in between.
  graph.steps.forEach((s, i) => {
    if (s.kind !== 'contact') return;
    s.outcomes.forEach((o, k) => {
      const target = graph.indexOf.get(o.next);
      if (o.result !== 'noAnswer' || target === undefined) return;
      const loop = searchAvoiding(forward, [target], (j) => j !== i && (graph.steps[j]!.kind === 'wait' || graph.steps[j]!.kind === 'contact'));
      if (loop[i] === -2) return;
      const chain = target === i ? [s.id, s.id] : [s.id, ...chainTo(graph, loop, i)];
      problems.push(problem('error', 'rule3/no-answer-loop', `steps[${i}].outcomes[${k}].next`,
        `when nobody answers "${s.title}" the SOP goes straight back to the same call without a wait or an escalation: ${describeChain(chain)}`, s.id));
    });
  });
  return problems;
}
