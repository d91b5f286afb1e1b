// Approver keys made on this device: WebCrypto ECDSA P-256 with the private
// key non-extractable, kept in IndexedDB as a CryptoKey (structured clone), so
// it can sign here and can never be read out or copied to another device.
// The public key (JWK and key id) is what the administrator puts on the list.
import { generateSigningKey, signSop, type SignerRole, type SopDocument, type SopSignature } from '../../engine';
import { StorageError, toStorageError, type ApproverKeyRow, type LogDb } from '../database';

export async function createApproverKey(name: string, db: LogDb): Promise<ApproverKeyRow> {
  const trimmed = name.trim();
  if (!trimmed) throw new StorageError('invalid', { userMessage: 'Give the name the trust list will show for this key.' });
  const key = await generateSigningKey(false);
  const row: ApproverKeyRow = { keyId: key.keyId, name: trimmed, privateKey: key.privateKey, publicJwk: key.publicJwk, createdAt: Date.now() };
  try {
    await db.approverKeys.add(row);
  } catch (error) {
    throw toStorageError(error);
  }
  return row;
}

export function listApproverKeys(db: LogDb): Promise<ApproverKeyRow[]> {
  return db.approverKeys.orderBy('keyId').toArray();
}

/** Signs a validated document with one of this device's keys. */
export async function signWithDeviceKey(keyId: string, doc: SopDocument, role: SignerRole, db: LogDb, signedAt?: string): Promise<SopSignature> {
  const row = await db.approverKeys.get(keyId);
  if (!row) throw new StorageError('invalid', { userMessage: 'That signing key is not on this device.' });
  return signSop(doc, { keyId: row.keyId, privateKey: row.privateKey, name: row.name }, role, signedAt);
}

/** The public half, as the administrator needs it for the trust list. */
export const publicKeyFile = (row: ApproverKeyRow): string =>
  `${JSON.stringify({ format: 'cdc-public-key/1', keyId: row.keyId, name: row.name, publicKey: row.publicJwk }, null, 2)}\n`;
