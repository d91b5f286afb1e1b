// Signed approvals of an SOP: each signature is an ECDSA P-256 signature by a
// trust-list key over the SOP's canonical content hash, its id and version,
// the signer's role and name and the signing time (the approval block is
// inside the document, so the hash covers it). A file carrying them is
// `cdc-signed-sop/1`: { format, document, signatures }.
import * as v from 'valibot';
import { hashSop } from '../canonical';
import type { SopDocument } from '../schema/document';
import { stableJson } from './stableJson';
import { signText, verifyText } from './trustKeys';
import { entryUnusable, SIGNER_ROLES, type SignerRole, type TrustEntry, type TrustList } from './trustList';

export const SIGNED_SOP_FORMAT = 'cdc-signed-sop/1';

const signatureSchema = v.strictObject({
  keyId: v.pipe(v.string(), v.maxLength(64)),
  role: v.picklist(SIGNER_ROLES),
  name: v.pipe(v.string(), v.maxLength(200)),
  signedAt: v.pipe(v.string(), v.isoTimestamp()),
  sopId: v.pipe(v.string(), v.maxLength(64)),
  version: v.pipe(v.string(), v.maxLength(20)),
  sopHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  signature: v.pipe(v.string(), v.maxLength(200)),
});
export type SopSignature = v.InferOutput<typeof signatureSchema>;

const signedFileSchema = v.object({
  format: v.literal(SIGNED_SOP_FORMAT),
  document: v.unknown(),
  signatures: v.pipe(v.array(v.unknown()), v.maxLength(20)),
});

export interface SignedSopFile {
  format: typeof SIGNED_SOP_FORMAT;
  document: unknown;
  signatures: SopSignature[];
}

/** Splits a file's parsed JSON into the document and its signatures (a plain SOP has none). */
export function splitSignedSop(value: unknown): { document: unknown; signatures: SopSignature[]; malformed: number } {
  const file = v.safeParse(signedFileSchema, value);
  if (!file.success) return { document: value, signatures: [], malformed: 0 };
  const parsed = file.output.signatures.map((item) => v.safeParse(signatureSchema, item));
  return {
    document: file.output.document,
    signatures: parsed.flatMap((item) => (item.success ? [item.output] : [])),
    malformed: parsed.filter((item) => !item.success).length,
  };
}

type Signed = Omit<SopSignature, 'signature'>;
const payloadOf = (s: Signed): string => stableJson({
  purpose: 'cdc-sop-signature/1', keyId: s.keyId, role: s.role, name: s.name, signedAt: s.signedAt, sopId: s.sopId, version: s.version, sopHash: s.sopHash,
});

export interface Signer {
  keyId: string;
  privateKey: CryptoKey;
  name: string;
}

export async function signSop(doc: SopDocument, signer: Signer, role: SignerRole, signedAt: string = new Date().toISOString()): Promise<SopSignature> {
  const unsigned: Signed = { keyId: signer.keyId, role, name: signer.name, signedAt, sopId: doc.id, version: doc.version, sopHash: await hashSop(doc) };
  return { ...unsigned, signature: await signText(signer.privateKey, payloadOf(unsigned)) };
}

export function signedSopFile(document: SopDocument, signatures: SopSignature[]): SignedSopFile {
  return { format: SIGNED_SOP_FORMAT, document, signatures };
}

export type ApprovalCheck =
  | { ok: true; hash: string; approver: TrustEntry; signers: TrustEntry[] }
  | { ok: false; hash: string; reason: string };

const ROLE_WORD: Record<SignerRole, string> = { author: 'an author', reviewer: 'a reviewer', approver: 'an approver' };

/** Why one signature is not good for this document, or null (and the signer's entry) when it is. */
async function checkSignature(sig: SopSignature, doc: SopDocument, hash: string, list: TrustList, now: string): Promise<{ entry: TrustEntry } | { reason: string }> {
  const entry = list.entries.find((e) => e.keyId === sig.keyId);
  if (!entry) return { reason: `it is signed with a key that is not on the ${list.network} trust list (signer named "${sig.name}")` };
  if (sig.sopHash !== hash || sig.sopId !== doc.id || sig.version !== doc.version) {
    return { reason: `${entry.name}'s signature is over other content (a different SOP, version or wording), not over this document` };
  }
  if (!(await verifyText(entry.publicKey, payloadOf(sig), sig.signature))) {
    return { reason: `the signature said to be ${entry.name}'s does not verify against their key: it is forged or the signed details were changed` };
  }
  if (sig.name !== entry.name) return { reason: `the signature names "${sig.name}" but the key belongs to ${entry.name}` };
  const unusable = entryUnusable(entry, sig.signedAt, now);
  if (unusable) return { reason: unusable };
  if (!entry.roles.includes(sig.role)) return { reason: `${entry.name} is not registered as ${ROLE_WORD[sig.role]} on the trust list` };
  return { entry };
}

/**
 * Whether a validated document's approval verifies against a trust list: an
 * approver's good signature over exactly this content, the document's approval
 * block naming that approver, and (two-person rule) a good author signature by
 * another person. `now` is an ISO time.
 */
export async function checkApproval(doc: SopDocument, signatures: readonly SopSignature[], list: TrustList, now: string = new Date().toISOString()): Promise<ApprovalCheck> {
  const hash = await hashSop(doc);
  if (doc.status !== 'approved') return { ok: false, hash, reason: `its status is "${doc.status}", not approved` };
  if (signatures.length === 0) return { ok: false, hash, reason: 'it says "approved" but carries no approval signature' };
  const good: Array<{ sig: SopSignature; entry: TrustEntry }> = [];
  const reasons: string[] = [];
  for (const sig of signatures) {
    const result = await checkSignature(sig, doc, hash, list, now);
    if ('entry' in result) good.push({ sig, entry: result.entry });
    else reasons.push(result.reason);
  }
  const approvals = good.filter((g) => g.sig.role === 'approver');
  if (approvals.length === 0) return { ok: false, hash, reason: reasons[0] ?? 'no signature on it is by an approver on the trust list' };
  const named = approvals.find((g) => doc.approval?.name === g.entry.name);
  if (!named) return { ok: false, hash, reason: `its approval block names "${doc.approval?.name ?? 'nobody'}", but the approver who signed it is ${approvals[0]!.entry.name}` };
  if (list.twoPersonRule) {
    const author = good.find((g) => g.sig.role === 'author' && g.entry.personId !== named.entry.personId);
    if (!author) {
      const selfAuthored = good.some((g) => g.sig.role === 'author' && g.entry.personId === named.entry.personId);
      return { ok: false, hash, reason: selfAuthored
        ? `the network requires two people, but ${named.entry.name} both wrote and approved this version`
        : 'the network requires two people: it needs the author\'s signature as well as the approver\'s' };
    }
  }
  return { ok: true, hash, approver: named.entry, signers: good.map((g) => g.entry) };
}
