// The key-value settings table (session, sign-offs, the Escalate listing).
// Its own module so the first screen can read settings without loading the
// directory's validation schemas.
import { toStorageError } from '../database';
import { openLogDb, type LogDb } from '../database';

export async function getSetting(key: string, db: LogDb = openLogDb()): Promise<unknown> {
  return (await db.settings.get(key))?.value;
}

export async function putSetting(key: string, value: unknown, db: LogDb = openLogDb()): Promise<void> {
  try {
    await db.settings.put({ key, value });
  } catch (error) {
    throw toStorageError(error);
  }
}
