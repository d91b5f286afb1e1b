// Loads the directory entries and the SOPs the Escalate screen runs, and
// reloads after every change, so gaps disappear as soon as a role is filled.
import { useCallback, useEffect, useState } from 'react';
import { activeSopFor, activeSops } from '../../../db/library';
import { listDirectory } from '../../../db/directoryStore';
import type { LogDb } from '../../../db/logDb';
import type { SopDocument } from '../../../engine';
import { collapseSop } from '../../../sops';
import { directoryRoles, type DirectoryRole } from './directoryRoles';

export interface DirectoryState {
  roles: DirectoryRole[];
  loaded: boolean;
  error: string | null;
  reload(): Promise<void>;
}

export function useDirectory(db?: LogDb): DirectoryState {
  const [roles, setRoles] = useState<DirectoryRole[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [sops, collapse, entries] = await Promise.all([
        activeSops(undefined, { db }),
        activeSopFor(collapseSop.id, { db }),
        listDirectory(db),
      ]);
      const docs: SopDocument[] = [...sops.map((s) => s.doc), ...(collapse ? [collapse.doc] : [])];
      setRoles(directoryRoles(docs, entries));
      setError(null);
    } catch {
      setError('The contacts directory could not be read on this device. Try reloading the app.');
    } finally {
      setLoaded(true);
    }
  }, [db]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { roles, loaded, error, reload };
}
