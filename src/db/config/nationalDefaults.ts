// National numbers are facts, not local inventions: 999 reaches the emergency
// ambulance everywhere in the UK, so the ambulance role and the emergency
// (arrest) role of a stand-alone centre come pre-filled with it and a fresh
// install can always dial 999. A hospital site replaces the emergency role
// with its arrest number (2222 by the NPSA's 2004 standard), never with nothing.
import type { DirectoryRow } from '../database';

/** A national default is never stored: it shows wherever no local entry exists (updatedAt 0). */
export const NATIONAL_DEFAULTS: readonly DirectoryRow[] = [
  {
    roleId: 'ambulance-999', name: 'Emergency ambulance (999, national number)', phone: '999', extension: '',
    hours: '24 hours', fallbackRoleId: '', updatedAt: 0,
  },
  {
    roleId: 'resuscitation',
    name: 'Stand-alone site: 999. On a hospital site: the hospital arrest number (2222) — change this entry',
    phone: '999', extension: '', hours: '24 hours', fallbackRoleId: '', updatedAt: 0,
  },
];

/** Roles that must always reach someone: an entry for them may be changed, never emptied. */
export const NATIONAL_ROLE_IDS: ReadonlySet<string> = new Set(NATIONAL_DEFAULTS.map((row) => row.roleId));

export function nationalDefault(roleId: string): DirectoryRow | undefined {
  return NATIONAL_DEFAULTS.find((row) => row.roleId === roleId);
}

export const isNationalDefault = (row: DirectoryRow): boolean => row.updatedAt === 0 && NATIONAL_ROLE_IDS.has(row.roleId);

/** Stored rows with the national defaults filling the roles nobody has set locally, ordered by role. */
export function withNationalDefaults(rows: readonly DirectoryRow[]): DirectoryRow[] {
  const stored = new Set(rows.map((row) => row.roleId));
  return [...rows, ...NATIONAL_DEFAULTS.filter((row) => !stored.has(row.roleId))].sort((a, b) => a.roleId.localeCompare(b.roleId));
}
