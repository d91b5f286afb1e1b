// Reads the network administrator's public key from the file the administrator
// hands over (`npm run trust -- init-admin` writes admin-key.public.json, a bare
// JWK), and refuses the private key file: that must never be on a tablet.
import { isPublicKeyJwk, type PublicKeyJwk } from '../../../engine';

export type AdminKeyReading = { ok: true; key: PublicKeyJwk } | { ok: false; reason: string };

export function readAdminKeyFile(text: string): AdminKeyReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not a key file (it is not JSON).' };
  }
  const record = (value ?? {}) as Record<string, unknown>;
  if ('privateJwk' in record || 'd' in record) {
    return { ok: false, reason: 'This is the administrator\u2019s private key file. It must never be put on a tablet: use the public key file (admin-key.public.json) and keep the private one offline.' };
  }
  if (isPublicKeyJwk(value)) return { ok: true, key: value };
  if (isPublicKeyJwk(record.publicJwk)) return { ok: true, key: record.publicJwk };
  if (isPublicKeyJwk(record.publicKey)) return { ok: true, key: record.publicKey };
  return { ok: false, reason: 'The file is not a network administrator public key.' };
}
