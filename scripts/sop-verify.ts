// `npm run sop -- verify FILE [--trust TRUSTLIST] [--admin KEYID] [--now ISO]`:
// does the file's approval signature verify against the network's trust list?
// Exit 0 only when it does; otherwise the reason in plain words and exit 1
// (2 for usage). The trust list is a signed trust list file; its signature is
// checked against --admin (or CDC_ADMIN_KEY_ID), the administrator key id the
// network publishes; without one the list's own key is used and its id is
// printed to compare by eye.
import { readFileSync } from 'node:fs';
import { checkApproval, keyIdOf, splitSignedSop, verifyTrustList, validateSop, isPublicKeyJwk } from '../src/engine';

function readJson(file: string, what: string): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { error: `the ${what} ${file} could not be read (does it exist?)` };
  }
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    return { error: `the ${what} ${file} is not valid JSON` };
  }
}

export async function verifyCommand(file: string, flags: Map<string, string>, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const trustFile = flags.get('trust') ?? process.env.CDC_TRUST_LIST;
  if (!trustFile) {
    err(`${file}: NOT VERIFIED: no trust list given (use --trust TRUSTLIST, the network's signed trust list file)`);
    return 1;
  }
  const sop = readJson(file, 'SOP file');
  if ('error' in sop) return (err(`${file}: NOT VERIFIED: ${sop.error}`), 1);
  const trust = readJson(trustFile, 'trust list');
  if ('error' in trust) return (err(`${file}: NOT VERIFIED: ${trust.error}`), 1);
  let adminKeyId = flags.get('admin') ?? process.env.CDC_ADMIN_KEY_ID ?? '';
  if (!adminKeyId) {
    const embedded = (trust.value as { adminKey?: unknown } | null)?.adminKey;
    if (!isPublicKeyJwk(embedded)) return (err(`${file}: NOT VERIFIED: the trust list names no administrator key`), 1);
    adminKeyId = await keyIdOf(embedded);
    out(`note: no --admin key id given; the trust list is signed by administrator key ${adminKeyId} (compare it with the one your network publishes)`);
  }
  const list = await verifyTrustList(trust.value, adminKeyId);
  if (!list.ok) return (err(`${file}: NOT VERIFIED: ${list.reason}`), 1);
  const { document, signatures } = splitSignedSop(sop.value);
  const result = validateSop(document);
  if (!result.ok || !result.doc) {
    err(`${file}: NOT VERIFIED: the SOP itself has errors (run "npm run sop -- check" on it): ${result.problems.filter((p) => p.severity === 'error').slice(0, 3).map((p) => p.message).join('; ')}`);
    return 1;
  }
  const check = await checkApproval(result.doc, signatures, list.list, flags.get('now') ?? new Date().toISOString());
  if (!check.ok) return (err(`${file}: NOT VERIFIED: ${check.reason}`), 1);
  out(`${file}: VERIFIED: "${result.doc.title}" ${result.doc.id} version ${result.doc.version} (content ${check.hash.slice(0, 16)}…) approved by ${check.approver.name}; signed by ${check.signers.map((s) => s.name).join(', ')}; trust list "${list.list.network}" number ${list.list.sequence}`);
  return 0;
}
