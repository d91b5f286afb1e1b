// ECDSA P-256 keys (WebCrypto) as the trust model uses them: public keys
// travel as JWK {kty, crv, x, y}; a key's id is the SHA-256 of that JWK's
// canonical text, so a key id cannot be claimed for another key.
import { sha256Text, stableJson } from './stableJson';
import { fromBase64url, toBase64url } from './base64url';

export const SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface PublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export function isPublicKeyJwk(value: unknown): value is PublicKeyJwk {
  const jwk = value as Partial<PublicKeyJwk> | null;
  return !!jwk && typeof jwk === 'object' && jwk.kty === 'EC' && jwk.crv === 'P-256'
    && typeof jwk.x === 'string' && typeof jwk.y === 'string' && /^[A-Za-z0-9_-]{43}$/.test(jwk.x) && /^[A-Za-z0-9_-]{43}$/.test(jwk.y);
}

/** Only the public members, whatever else an exported JWK carries (ext, key_ops). */
export const publicJwkOf = (jwk: JsonWebKey): PublicKeyJwk => ({ kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' });

/** "k1-" + the first 32 hex digits of the SHA-256 of the public JWK's canonical text. */
export async function keyIdOf(jwk: PublicKeyJwk): Promise<string> {
  return `k1-${(await sha256Text(stableJson(publicJwkOf(jwk as JsonWebKey)))).slice(0, 32)}`;
}

/** A new key pair; the private key is non-extractable unless asked (the admin's CLI key file needs it). */
export async function generateSigningKey(extractable = false): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: PublicKeyJwk; keyId: string }> {
  const pair = (await globalThis.crypto.subtle.generateKey(SIGNING_ALGORITHM, extractable, ['sign', 'verify'])) as CryptoKeyPair;
  const publicJwk = publicJwkOf(await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, publicJwk, keyId: await keyIdOf(publicJwk) };
}

export function importPublicKey(jwk: PublicKeyJwk): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('jwk', { ...publicJwkOf(jwk as JsonWebKey), ext: true }, SIGNING_ALGORITHM, true, ['verify']);
}

export function importPrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('jwk', jwk, SIGNING_ALGORITHM, false, ['sign']);
}

export async function signText(privateKey: CryptoKey, text: string): Promise<string> {
  const signature = await globalThis.crypto.subtle.sign(SIGN_PARAMS, privateKey, new TextEncoder().encode(text));
  return toBase64url(new Uint8Array(signature));
}

/** False for any malformed key or signature: verification never throws. */
export async function verifyText(jwk: PublicKeyJwk, text: string, signature: string): Promise<boolean> {
  const bytes = fromBase64url(signature);
  if (!bytes || bytes.length !== 64 || !isPublicKeyJwk(jwk)) return false;
  try {
    return await globalThis.crypto.subtle.verify(SIGN_PARAMS, await importPublicKey(jwk), bytes, new TextEncoder().encode(text));
  } catch {
    return false;
  }
}
