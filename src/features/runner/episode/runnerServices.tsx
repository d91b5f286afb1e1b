// What step screens may ask of the episode's store without holding it: the
// local directory entry for a role (the sandbox answers from its own list).
import { createContext, useContext, useEffect, useState } from 'react';
import type { DirectoryContact } from './episodeStore';

export interface RunnerServices {
  lookupContact(roleId: string): Promise<DirectoryContact | null>;
}

const RunnerServicesContext = createContext<RunnerServices>({ lookupContact: async () => null });

export const RunnerServicesProvider = RunnerServicesContext.Provider;

export type ContactLookup = { state: 'loading' } | { state: 'found'; contact: DirectoryContact } | { state: 'missing' };

/** A directory entry counts only if it gives a way to reach someone. */
function reachable(contact: DirectoryContact | null): contact is DirectoryContact {
  return !!contact && (contact.phone.trim() !== '' || contact.extension.trim() !== '');
}

export function useDirectoryContact(roleId: string): ContactLookup {
  const { lookupContact } = useContext(RunnerServicesContext);
  const [result, setResult] = useState<{ roleId: string; lookup: ContactLookup }>({ roleId, lookup: { state: 'loading' } });
  useEffect(() => {
    let live = true;
    lookupContact(roleId)
      .catch(() => null)
      .then((contact) => {
        if (live) setResult({ roleId, lookup: reachable(contact) ? { state: 'found', contact } : { state: 'missing' } });
      });
    return () => {
      live = false;
    };
  }, [lookupContact, roleId]);
  return result.roleId === roleId ? result.lookup : { state: 'loading' };
}
