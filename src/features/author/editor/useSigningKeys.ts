// The signing keys this tablet holds, each with how the trust list knows it,
// for the publish form's "sign with" choice.
import { useCallback } from 'react';
import { useStoredData } from '../../../ui/useStoredData';
import { listApproverKeys, readTrust } from '../../../db/library';
import { openLogDb, type LogDb } from '../../../db/database';

export interface SigningKeyChoice {
  keyId: string;
  name: string;
  /** The key is on this tablet's trust list as an approver, in force now. */
  approver: boolean;
  /** The key is on the trust list as an author, in force now (it signs as the author; the approver countersigns). */
  author: boolean;
}

export interface SigningKeys {
  keys: SigningKeyChoice[];
  /** The tablet holds a trust list: an unsigned version will not run here. */
  trustListHeld: boolean;
  loaded: boolean;
}

const NONE = { keys: [] as SigningKeyChoice[], trustListHeld: false };

export function useSigningKeys(db?: LogDb): SigningKeys {
  const load = useCallback(async () => {
    const store = db ?? openLogDb();
    const [rows, trust] = await Promise.all([listApproverKeys(store), readTrust(store)]);
    const now = new Date().toISOString();
    const keys = rows.map((row) => {
      const entry = trust.list?.entries.find((e) => e.keyId === row.keyId);
      const inForce = !!entry && !entry.revokedAt && entry.validFrom <= now && entry.validUntil > now;
      return {
        keyId: row.keyId, name: entry?.name ?? row.name,
        approver: inForce && entry.roles.includes('approver'), author: inForce && entry.roles.includes('author'),
      };
    });
    return { keys, trustListHeld: trust.list !== null };
  }, [db]);
  const { value, loaded } = useStoredData(load, NONE, 'The signing keys could not be read.');
  return { ...value, loaded };
}
