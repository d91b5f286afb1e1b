// Loads the directory entries and the SOPs the Escalate screen runs, and
// reloads after every change, so gaps disappear as soon as a role is filled.
import { useCallback } from 'react';
import { useStoredData } from '../../../ui/useStoredData';
import { COLLAPSE_SOP_ID, activeSopFor, activeSops } from '../../../db/library';
import { listDirectoryInUse } from '../../../db/config';
import type { LogDb } from '../../../db/database';
import type { SopDocument } from '../../../engine';
import { directoryRoles, type DirectoryRole } from './directoryRoles';

export interface DirectoryState {
  roles: DirectoryRole[];
  loaded: boolean;
  error: string | null;
  reload(): Promise<void>;
}

const NO_ROLES: DirectoryRole[] = [];

export function useDirectory(db?: LogDb): DirectoryState {
  const load = useCallback(async () => {
    const [sops, collapse, entries] = await Promise.all([
      activeSops(undefined, { db }),
      activeSopFor(COLLAPSE_SOP_ID, { db }),
      listDirectoryInUse(db),
    ]);
    const docs: SopDocument[] = [...sops.map((s) => s.doc), ...(collapse ? [collapse.doc] : [])];
    return directoryRoles(docs, entries);
  }, [db]);
  const { value, ...state } = useStoredData(load, NO_ROLES, 'The contacts directory could not be read on this device. Try reloading the app.');
  return { roles: value, ...state };
}
