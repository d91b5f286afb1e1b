// Which urgency tiers an SOP's outcomes reachable from a step have, and the
// most urgent outcome an SOP can reach from its start (the Escalate list puts
// those SOPs first). Walks every way on, whatever the modality.
import type { SopDocument } from './schema/document';
import { stepKindOf } from './steps/registry';
import { URGENCIES, type Urgency } from './urgencyLevels';

export function reachableUrgencies(doc: SopDocument, from: string): Set<Urgency> {
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

/** The most urgent tier of any outcome reachable from the SOP's start; null when none is (never for a valid SOP). */
export function mostUrgentOutcome(doc: SopDocument): Urgency | null {
  const tiers = reachableUrgencies(doc, doc.start);
  return URGENCIES.find((tier) => tiers.has(tier)) ?? null;
}
