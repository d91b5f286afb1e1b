// Holds the session settings for the whole app and saves changes through the
// injected store. A failed save is shown to the user (storage is product state),
// and the in-memory value is kept so nothing typed is lost.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  EMPTY_SESSION,
  SESSION_KEY,
  parseSessionSettings,
  type SessionSettings,
  type SettingsStore,
} from './sessionSettings';

interface SessionValue {
  session: SessionSettings;
  loaded: boolean;
  saveError: string | null;
  updateSession(next: SessionSettings): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ store, children }: { store: SettingsStore; children: ReactNode }) {
  const [session, setSession] = useState<SessionSettings>(EMPTY_SESSION);
  const [loaded, setLoaded] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    store
      .get(SESSION_KEY)
      .then((value) => {
        if (!cancelled) setSession(parseSessionSettings(value));
      })
      .catch(() => {
        if (!cancelled) setSaveError('Saved settings could not be read. Check the site and modality below.');
      })
      .finally(() => {
        if (!cancelled) setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [store]);

  const updateSession = useCallback(
    async (next: SessionSettings) => {
      setSession(next);
      try {
        await store.put(SESSION_KEY, next);
        setSaveError(null);
      } catch {
        setSaveError('These settings could not be saved on this device (storage may be full). They apply until the app is closed.');
      }
    },
    [store],
  );

  const value = useMemo(() => ({ session, loaded, saveError, updateSession }), [session, loaded, saveError, updateSession]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
