// Which roles the local directory must fill: every role a running SOP calls,
// with its entry (or a gap), then any entries no SOP uses any more.
import { rolesUsed, type RoleType, type SopDocument } from '../../../engine';
import type { DirectoryRow } from '../../../db/database';

export interface DirectoryRole {
  roleId: string;
  title: string;
  type: RoleType | null;
  /** Titles of the SOPs in use that call this role. */
  usedBy: string[];
  entry: DirectoryRow | null;
  /** Called by an SOP but nobody can be reached: no phone and no extension. */
  gap: boolean;
}

export const isReachable = (entry: DirectoryRow | null | undefined): boolean =>
  entry !== null && entry !== undefined && (entry.phone.trim() !== '' || entry.extension.trim() !== '');

export function directoryRoles(sops: readonly SopDocument[], entries: readonly DirectoryRow[]): DirectoryRole[] {
  const byId = new Map(entries.map((e) => [e.roleId, e]));
  const roles = new Map<string, DirectoryRole>();
  for (const doc of sops) {
    for (const role of rolesUsed(doc)) {
      const existing = roles.get(role.id);
      const name = doc.shortTitle ?? doc.title;
      if (existing) {
        if (!existing.usedBy.includes(name)) existing.usedBy.push(name);
        continue;
      }
      const entry = byId.get(role.id) ?? null;
      roles.set(role.id, { roleId: role.id, title: role.title, type: role.type, usedBy: [name], entry, gap: !isReachable(entry) });
    }
  }
  for (const entry of entries) {
    if (!roles.has(entry.roleId)) {
      roles.set(entry.roleId, { roleId: entry.roleId, title: entry.roleId, type: null, usedBy: [], entry, gap: false });
    }
  }
  return [...roles.values()];
}
