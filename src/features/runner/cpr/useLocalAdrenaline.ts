// Whether this site's pathway gives adrenaline in cardiac arrest (Settings),
// read once the CPR clock runs (no read on any other screen); off until read,
// and off if unreadable.
import { useEffect, useState } from 'react';
import { readCprAdrenaline, settingsStore, type SettingsStore } from '../../../shared/session';

export function useLocalAdrenaline(active: boolean, store: SettingsStore = settingsStore): boolean {
  const [given, setGiven] = useState(false);
  useEffect(() => {
    if (!active) return undefined;
    let live = true;
    void readCprAdrenaline(store).then((value) => live && setGiven(value));
    return () => {
      live = false;
    };
  }, [active, store]);
  return given;
}
