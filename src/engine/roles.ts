// Which directory roles an SOP actually calls, so Settings can ask the local
// network to fill in exactly those.
import type { Role, SopDocument } from './schema/document';

/** Roles used by contact steps, in the order first called, each once. */
export function rolesUsed(doc: SopDocument): Role[] {
  const used: Role[] = [];
  for (const step of doc.steps) {
    if (step.kind !== 'contact' || used.some((r) => r.id === step.role)) continue;
    const role = doc.roles.find((r) => r.id === step.role);
    if (role) used.push(role);
  }
  return used;
}
