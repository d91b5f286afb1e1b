// How long after a 999 call the app waits for the ambulance before it prompts
// a call back (and an upgrade if the patient is worse). A local setting; the
// default is the NHS England Ambulance Response Programme's Category 2 mean
// response target (18 minutes; Category 1 is 7 minutes), the category the
// SOPs' 999 calls ask for at the least.
import type { SettingsStore } from './sessionSettings';

export const AMBULANCE_WAIT_KEY = 'ambulanceWait';

/** ARP standards (NHS England, 2017): mean response targets in minutes. */
export const ARP_MEAN_TARGET_MINUTES = { category1: 7, category2: 18 } as const;
export const DEFAULT_AMBULANCE_WAIT_MINUTES = ARP_MEAN_TARGET_MINUTES.category2;
export const AMBULANCE_WAIT_LIMITS = { min: 1, max: 120 } as const;

/** A stored value is untrusted: anything but a whole number in range gives the default. */
export function parseAmbulanceWait(value: unknown): number {
  const minutes = (value as { minutes?: unknown } | null | undefined)?.minutes;
  return typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= AMBULANCE_WAIT_LIMITS.min && minutes <= AMBULANCE_WAIT_LIMITS.max
    ? minutes
    : DEFAULT_AMBULANCE_WAIT_MINUTES;
}

export async function readAmbulanceWait(store: SettingsStore): Promise<number> {
  try {
    return parseAmbulanceWait(await store.get(AMBULANCE_WAIT_KEY));
  } catch {
    return DEFAULT_AMBULANCE_WAIT_MINUTES;
  }
}

export function saveAmbulanceWait(store: SettingsStore, minutes: number): Promise<void> {
  return store.put(AMBULANCE_WAIT_KEY, { minutes });
}
