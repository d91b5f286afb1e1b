// Small read-only questions about an SOP document that the SOP-library tests
// ask again and again: which step is this, which role type does a contact
// call, and how far down the urgency scale can a step still lead.
import { stepKindOf, URGENCIES, type RoleType, type SopDocument, type Step, type Urgency } from '../../src/engine';

export function stepOf(doc: SopDocument, id: string): Step {
  const step = doc.steps.find((s) => s.id === id);
  if (!step) throw new Error(`${doc.id}: no step ${id}`);
  return step;
}

export function roleTypeOf(doc: SopDocument, stepId: string): RoleType | null {
  const step = stepOf(doc, stepId);
  if (step.kind !== 'contact') return null;
  return doc.roles.find((r) => r.id === step.role)?.type ?? null;
}

/** Urgencies as ranks: 0 = emergency ... 3 = routine. */
export const rank = (u: Urgency): number => URGENCIES.indexOf(u);

/** The least urgent outcome reachable from a step (the "floor" of where it can lead). */
export function floorFrom(doc: SopDocument, stepId: string): Urgency {
  const seen = new Set<string>();
  let floor = 0;
  const queue = [stepId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = stepOf(doc, id);
    if (step.kind === 'outcome') floor = Math.max(floor, rank(step.urgency));
    for (const s of stepKindOf(step).successors(step)) queue.push(s.target);
  }
  return URGENCIES[floor]!;
}

/** Every piece of free text in a document, with where it sits, for content checks. */
export function textsOf(doc: SopDocument): Array<{ at: string; text: string }> {
  const out: Array<{ at: string; text: string }> = [];
  const walk = (value: unknown, at: string) => {
    if (typeof value === 'string') out.push({ at, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
  };
  walk(doc, '');
  return out;
}
