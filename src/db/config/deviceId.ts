// This tablet's device id: a random id made once, the first time it is asked
// for, and kept in IndexedDB. Every episode records it, so an episode imported
// from another tablet is known as another device's record (read-only here).
// It identifies a device, never a person or patient.
import { toStorageError } from '../database';
import { openLogDb, type LogDb } from '../database';

export const DEVICE_ID_KEY = 'deviceId';
const DEVICE_ID_PATTERN = /^dev-[0-9a-f]{32}$/;

/** What an episode recorded before device ids existed reads as. */
export const UNKNOWN_DEVICE = 'unknown';

function newDeviceId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return `dev-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_ID_PATTERN.test(value);
}

const cached = new WeakMap<LogDb, Promise<string>>();

/** The id, made and stored in one transaction the first time (two tabs asking at once get the same id). */
export function getDeviceId(db: LogDb = openLogDb()): Promise<string> {
  let known = cached.get(db);
  if (!known) {
    known = db
      .transaction('rw', db.settings, async () => {
        const stored = (await db.settings.get(DEVICE_ID_KEY))?.value;
        if (isDeviceId(stored)) return stored;
        const made = newDeviceId();
        await db.settings.put({ key: DEVICE_ID_KEY, value: made });
        return made;
      })
      .catch((error: unknown) => {
        cached.delete(db);
        throw toStorageError(error);
      });
    cached.set(db, known);
  }
  return known;
}
