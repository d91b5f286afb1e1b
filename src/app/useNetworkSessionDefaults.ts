// Session defaults published for this tablet's site (site name, modality)
// become the session when they arrive, as if typed in Settings; the operator
// role is the person's and is kept.
import { useEffect, useRef } from 'react';
import { onSessionDefaults } from '../shared/network';
import { useSession } from '../shared/session';

export function useNetworkSessionDefaults(): void {
  const { session, updateSession } = useSession();
  const latest = useRef(session);
  latest.current = session;
  useEffect(
    () => onSessionDefaults((defaults) => {
      void updateSession({ ...latest.current, site: defaults.siteName, modality: defaults.modality ?? latest.current.modality });
    }),
    [updateSession],
  );
}
