// A small network for the trust tests: an administrator key, people with
// author / approver keys on a signed trust list, and an approved SOP signed
// by them. Keys are made fresh per call (WebCrypto, ECDSA P-256).
import { validateSop, generateSigningKey, signTrustList, signSop, signedSopFile, type SopDocument, type TrustEntry, type TrustList, type SignerRole } from '../../src/engine';
import fastAf from '../../src/sops/fast-af.json';

export const NOW = '2026-06-01T09:00:00.000Z';

export interface Person {
  entry: TrustEntry;
  signer: { keyId: string; privateKey: CryptoKey; name: string };
}

export async function person(name: string, roles: SignerRole[], overrides: Partial<TrustEntry> = {}): Promise<Person> {
  const key = await generateSigningKey();
  const entry: TrustEntry = {
    keyId: key.keyId, personId: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, roles, publicKey: key.publicJwk,
    validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2027-12-31T00:00:00.000Z', revokedAt: null, ...overrides,
  };
  return { entry, signer: { keyId: key.keyId, privateKey: key.privateKey, name } };
}

export async function network(options: { twoPersonRule?: boolean; sequence?: number; people?: Person[] } = {}) {
  const admin = await generateSigningKey();
  const approver = await person('Dr A Approver', ['approver']);
  const author = await person('B Author', ['author']);
  const people = options.people ?? [approver, author];
  const list: TrustList = {
    format: 'cdc-trust-list/1', network: 'Test cardiac network', sequence: options.sequence ?? 1, issuedAt: '2026-01-01T00:00:00.000Z',
    twoPersonRule: options.twoPersonRule ?? false, entries: people.map((p) => p.entry),
  };
  const signedList = await signTrustList(list, admin);
  return { admin, approver, author, list, signedList };
}

/** fast-af as a local network would approve it (a new version, approval block naming the approver). */
export function approvedDoc(approverName = 'Dr A Approver', changes: Partial<SopDocument> = {}): SopDocument {
  const doc = { ...(fastAf as unknown as SopDocument), status: 'approved', version: '2.0.0', approval: { name: approverName, role: 'Clinical lead', date: '2026-05-30' }, reviewDue: '2027-05-30', ...changes } as SopDocument;
  const result = validateSop(doc, { today: '2026-06-01' });
  if (!result.ok || !result.doc) throw new Error(`fixture SOP invalid: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.doc;
}

export async function signedFile(doc: SopDocument, signers: Array<{ who: Person; role: SignerRole }>, at = '2026-05-30T10:00:00.000Z') {
  const signatures = [];
  for (const { who, role } of signers) signatures.push(await signSop(doc, who.signer, role, at));
  return signedSopFile(doc, signatures);
}
