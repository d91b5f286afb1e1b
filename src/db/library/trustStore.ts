// This tablet's trust anchor: the network administrator key pinned at set-up
// (by key id) and the latest signed trust list that verified against it.
// A list that fails, or is older than the one held, is refused and logged.
import { keyIdOf, verifyTrustList, isPublicKeyJwk, type TrustList } from '../../engine/trust';
import { toStorageError, StorageError, type LogDb } from '../database';
import { appendLibraryLog } from './libraryLog';

const PIN_KEY = 'trust.adminKeyId';
const LIST_KEY = 'trust.list';

export interface TrustState {
  adminKeyId: string | null;
  /** The signed list as received (kept so it can be checked again or passed on). */
  signed: unknown;
  list: TrustList | null;
}

/** Pins the administrator key (its public JWK or its key id). A tablet pins once; a different key is refused. */
export async function pinAdminKey(key: unknown, db: LogDb): Promise<string> {
  const keyId = typeof key === 'string' && /^k1-[0-9a-f]{32}$/.test(key) ? key : isPublicKeyJwk(key) ? await keyIdOf(key) : null;
  if (!keyId) throw new StorageError('invalid', { userMessage: 'That is not a network administrator key.' });
  try {
    await db.transaction('rw', db.settings, async () => {
      const held = (await db.settings.get(PIN_KEY))?.value;
      if (typeof held === 'string' && held !== keyId) {
        throw new StorageError('invalid', { userMessage: 'This tablet is already set up with another network administrator key. Reset the tablet to join another network.' });
      }
      await db.settings.put({ key: PIN_KEY, value: keyId });
    });
  } catch (error) {
    throw error instanceof StorageError ? error : toStorageError(error);
  }
  return keyId;
}

export async function readTrust(db: LogDb): Promise<TrustState> {
  const [pin, stored] = await Promise.all([db.settings.get(PIN_KEY), db.settings.get(LIST_KEY)]);
  const adminKeyId = typeof pin?.value === 'string' ? pin.value : null;
  if (!adminKeyId || !stored) return { adminKeyId, signed: null, list: null };
  // Stored data is checked again: an edited settings row must not add an approver.
  const check = await verifyTrustList(stored.value, adminKeyId);
  return { adminKeyId, signed: stored.value, list: check.ok ? check.list : null };
}

export type InstallResult = { ok: true; list: TrustList } | { ok: false; reason: string };

/** Installs a signed trust list (from a file or the network's `trustlist` doc) if it verifies against the pinned key. */
export async function installTrustList(signed: unknown, db: LogDb, origin: 'file' | 'network' = 'file'): Promise<InstallResult> {
  const held = await readTrust(db);
  if (!held.adminKeyId) return { ok: false, reason: 'This tablet has no network administrator key pinned yet, so no trust list can be believed. Set the tablet up first.' };
  const check = await verifyTrustList(signed, held.adminKeyId, held.list?.sequence ?? 0);
  await appendLibraryLog(db, {
    action: 'trust-list', who: 'network administrator', sopId: '', version: check.ok ? String(check.list.sequence) : '', sopHash: '', origin,
    outcome: check.ok ? 'installed' : 'refused', reason: check.ok ? `${check.list.network}: ${check.list.entries.length} keys` : check.reason,
  });
  if (!check.ok) return check;
  try {
    await db.settings.put({ key: LIST_KEY, value: signed });
  } catch (error) {
    throw toStorageError(error);
  }
  return { ok: true, list: check.list };
}
