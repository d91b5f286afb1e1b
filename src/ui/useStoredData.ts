// Loads something from the device's storage, reloads it on demand, and turns a
// failed read into a plain message for the screen (storage failures are
// product state the user sees, never a console line).
import { useCallback, useEffect, useState } from 'react';

export interface StoredData<T> {
  value: T;
  loaded: boolean;
  error: string | null;
  reload(): Promise<void>;
}

/** `load` must be stable (wrap it in useCallback); `failure` is shown when it rejects. */
export function useStoredData<T>(load: () => Promise<T>, initial: T, failure: string): StoredData<T> {
  const [value, setValue] = useState<T>(initial);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setError(null);
    } catch {
      setError(failure);
    } finally {
      setLoaded(true);
    }
  }, [load, failure]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { value, loaded, error, reload };
}
