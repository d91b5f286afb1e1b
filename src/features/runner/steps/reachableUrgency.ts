// Which urgency tiers can still be reached from a step, so an option that
// can only end in one tier shows it (e.g. "Emergency now") beside its label.
import { stepKindOf, type SopDocument, type Urgency } from '../../../engine';

const cache = new WeakMap<SopDocument, Map<string, Set<Urgency>>>();

function compute(doc: SopDocument, from: string): Set<Urgency> {
  const byId = new Map(doc.steps.map((step) => [step.id, step]));
  const tiers = new Set<Urgency>();
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const step = byId.get(queue.shift()!);
    if (!step) continue;
    if (step.kind === 'outcome') tiers.add(step.urgency);
    for (const successor of stepKindOf(step).successors(step)) {
      if (!seen.has(successor.target)) {
        seen.add(successor.target);
        queue.push(successor.target);
      }
    }
  }
  return tiers;
}

/** The single tier every path from `stepId` ends in, or null when several are possible. */
export function onlyUrgencyFrom(doc: SopDocument, stepId: string): Urgency | null {
  let perDoc = cache.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    cache.set(doc, perDoc);
  }
  let tiers = perDoc.get(stepId);
  if (!tiers) {
    tiers = compute(doc, stepId);
    perDoc.set(stepId, tiers);
  }
  return tiers.size === 1 ? [...tiers][0]! : null;
}
