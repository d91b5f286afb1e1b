// The network's trust list: who may author, review and approve SOPs (their
// public keys, names, roles, validity and revocation), signed by the network
// administrator's key. A tablet pins that administrator key when it is set up
// and believes only a list that verifies against it; a list with a lower
// sequence number than the one it holds is a replay and is refused.
import * as v from 'valibot';
import { stableJson } from './stableJson';
import { isPublicKeyJwk, keyIdOf, signText, verifyText, type PublicKeyJwk } from './trustKeys';

export const TRUST_LIST_FORMAT = 'cdc-trust-list/1';
export const SIGNED_TRUST_LIST_FORMAT = 'cdc-signed-trust-list/1';
export const SIGNER_ROLES = ['author', 'reviewer', 'approver'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

const Text = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const Instant = v.pipe(v.string(), v.isoTimestamp('must be a time written like 2026-01-31T09:00:00Z'));
const Jwk = v.custom<PublicKeyJwk>(isPublicKeyJwk, 'must be an ECDSA P-256 public key (JWK)');

const entrySchema = v.strictObject({
  keyId: v.pipe(v.string(), v.regex(/^k1-[0-9a-f]{32}$/)),
  /** The same person may hold several keys (a new tablet); the two-person rule compares people. */
  personId: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9.-]{0,63}$/)),
  name: Text,
  roles: v.pipe(v.array(v.picklist(SIGNER_ROLES)), v.minLength(1)),
  publicKey: Jwk,
  validFrom: Instant,
  validUntil: Instant,
  revokedAt: v.nullable(Instant),
  revokedReason: v.optional(v.pipe(v.string(), v.maxLength(500))),
});
export type TrustEntry = v.InferOutput<typeof entrySchema>;

const listSchema = v.strictObject({
  format: v.literal(TRUST_LIST_FORMAT),
  network: Text,
  sequence: v.pipe(v.number(), v.integer(), v.minValue(1)),
  issuedAt: Instant,
  /** The approver must not be the author of the version approved. */
  twoPersonRule: v.boolean(),
  entries: v.pipe(v.array(entrySchema), v.maxLength(1000)),
});
export type TrustList = v.InferOutput<typeof listSchema>;

const signedSchema = v.strictObject({
  format: v.literal(SIGNED_TRUST_LIST_FORMAT),
  list: v.unknown(),
  adminKey: Jwk,
  signature: v.pipe(v.string(), v.maxLength(200)),
});
export type SignedTrustList = { format: typeof SIGNED_TRUST_LIST_FORMAT; list: TrustList; adminKey: PublicKeyJwk; signature: string };

const payloadOf = (list: unknown): string => stableJson({ purpose: 'cdc-trust-list-signature/1', list });

export async function signTrustList(list: TrustList, admin: { privateKey: CryptoKey; publicJwk: PublicKeyJwk }): Promise<SignedTrustList> {
  return { format: SIGNED_TRUST_LIST_FORMAT, list, adminKey: admin.publicJwk, signature: await signText(admin.privateKey, payloadOf(list)) };
}

export type TrustListCheck = { ok: true; list: TrustList; adminKeyId: string } | { ok: false; reason: string };

/**
 * Checks a signed trust list against the administrator key the tablet pinned
 * (its key id). `heldSequence` is the sequence of the list already held.
 */
export async function verifyTrustList(value: unknown, pinnedAdminKeyId: string, heldSequence = 0): Promise<TrustListCheck> {
  const signed = v.safeParse(signedSchema, value);
  if (!signed.success) return { ok: false, reason: 'The file is not a signed trust list of this app.' };
  const adminKeyId = await keyIdOf(signed.output.adminKey);
  if (adminKeyId !== pinnedAdminKeyId) {
    return { ok: false, reason: 'The trust list is signed by a different administrator key from the one this tablet was set up with, so it is not believed.' };
  }
  if (!(await verifyText(signed.output.adminKey, payloadOf(signed.output.list), signed.output.signature))) {
    return { ok: false, reason: 'The trust list\'s signature does not verify: it was changed after the administrator signed it, or forged.' };
  }
  const list = v.safeParse(listSchema, signed.output.list);
  if (!list.success) return { ok: false, reason: `The trust list is signed but malformed (${v.getDotPath(list.issues[0]!) ?? 'list'}: ${list.issues[0]!.message}).` };
  for (const entry of list.output.entries) {
    if ((await keyIdOf(entry.publicKey)) !== entry.keyId) return { ok: false, reason: `The trust list names key ${entry.keyId} with a public key that is not that key.` };
  }
  if (list.output.sequence < heldSequence) {
    return { ok: false, reason: `This trust list (number ${list.output.sequence}) is older than the one this tablet holds (number ${heldSequence}); an old list cannot bring back revoked keys.` };
  }
  return { ok: true, list: list.output, adminKeyId };
}

/** Why an entry cannot sign at `at` (an ISO time), or null when it can. */
export function entryUnusable(entry: TrustEntry, at: string, now: string): string | null {
  if (entry.revokedAt !== null) {
    return `${entry.name}'s key was revoked on ${entry.revokedAt.slice(0, 10)}${entry.revokedReason ? ` (${entry.revokedReason})` : ''}; nothing it signed is trusted any more`;
  }
  if (now > entry.validUntil) return `${entry.name}'s key expired on ${entry.validUntil.slice(0, 10)}; ask a current approver to sign this version again`;
  if (at < entry.validFrom || at > entry.validUntil) return `the signature is dated ${at.slice(0, 10)}, outside ${entry.name}'s key's validity (${entry.validFrom.slice(0, 10)} to ${entry.validUntil.slice(0, 10)})`;
  if (at > now) return `the signature is dated in the future (${at.slice(0, 10)})`;
  return null;
}
