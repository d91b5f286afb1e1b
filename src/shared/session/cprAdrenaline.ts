// Whether staff at this site give adrenaline in cardiac arrest (the local
// pathway): only then does the runner's CPR clock time adrenaline (RCUK ALS:
// 1 mg every 3-5 minutes). A site setting, off by default, because the
// template SOPs give no drugs in an arrest; the local network switches it on.
import type { SettingsStore } from './sessionSettings';

export const CPR_ADRENALINE_KEY = 'cprAdrenaline';
export const CPR_ADRENALINE_LABEL = 'Staff here give adrenaline in cardiac arrest (local pathway)';

/** A stored value is untrusted: anything but `{ given: true }` is off. */
export function parseCprAdrenaline(value: unknown): boolean {
  return (value as { given?: unknown } | null | undefined)?.given === true;
}

export async function readCprAdrenaline(store: SettingsStore): Promise<boolean> {
  try {
    return parseCprAdrenaline(await store.get(CPR_ADRENALINE_KEY));
  } catch {
    return false;
  }
}

export function saveCprAdrenaline(store: SettingsStore, given: boolean): Promise<void> {
  return store.put(CPR_ADRENALINE_KEY, { given });
}
