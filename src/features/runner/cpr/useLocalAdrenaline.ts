// Whether this site's pathway gives adrenaline in cardiac arrest (Settings),
// read once when the CPR clock is shown; off until read, and off if unreadable.
import { useEffect, useState } from 'react';
import { readCprAdrenaline, settingsStore, type SettingsStore } from '../../../shared/session';

export function useLocalAdrenaline(store: SettingsStore = settingsStore): boolean {
  const [given, setGiven] = useState(false);
  useEffect(() => {
    let live = true;
    void readCprAdrenaline(store).then((value) => live && setGiven(value));
    return () => {
      live = false;
    };
  }, [store]);
  return given;
}
