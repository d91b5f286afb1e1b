// Which urgency tiers can still be reached from a step, so an option that
// can only end in one tier shows it (e.g. "Emergency now") beside its label.
import { reachableUrgencies, type SopDocument, type Urgency } from '../../../engine';

const cache = new WeakMap<SopDocument, Map<string, Set<Urgency>>>();

/** The single tier every path from `stepId` ends in, or null when several are possible. */
export function onlyUrgencyFrom(doc: SopDocument, stepId: string): Urgency | null {
  let perDoc = cache.get(doc);
  if (!perDoc) {
    perDoc = new Map();
    cache.set(doc, perDoc);
  }
  let tiers = perDoc.get(stepId);
  if (!tiers) {
    tiers = reachableUrgencies(doc, stepId);
    perDoc.set(stepId, tiers);
  }
  return tiers.size === 1 ? [...tiers][0]! : null;
}
