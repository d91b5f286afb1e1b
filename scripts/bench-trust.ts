// `npm run bench:trust`: how long signing and verifying the SOP library takes
// (WebCrypto ECDSA P-256, the same engine code the app and CLI run): every
// shipped SOP signed as an approved version, then verified against a signed
// trust list, plus the trust list's own verification. Prints figures; no targets.
// @ts-expect-error plain JavaScript module shared by every benchmark
import { machineSpeedLine } from './machine-speed.mjs';
import { builtInSops } from '../src/sops';
import { checkApproval, generateSigningKey, signSop, signTrustList, validateSop, verifyTrustList, type SopDocument, type TrustList } from '../src/engine';

const ROUNDS = 5;
const ms = (start: number) => performance.now() - start;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  console.log(machineSpeedLine());
  const admin = await generateSigningKey();
  const approver = await generateSigningKey();
  const list: TrustList = {
    format: 'cdc-trust-list/1', network: 'Bench network', sequence: 1, issuedAt: '2026-01-01T00:00:00.000Z', twoPersonRule: false,
    entries: [{ keyId: approver.keyId, personId: 'bench', name: 'Bench Approver', roles: ['approver'], publicKey: approver.publicJwk, validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2030-01-01T00:00:00.000Z', revokedAt: null }],
  };
  const signedList = await signTrustList(list, admin);
  const docs = builtInSops.map((doc) => validateSop({ ...doc, status: 'approved', approval: { name: 'Bench Approver', role: 'Lead', date: '2026-05-01' } }).doc!).filter(Boolean) as SopDocument[];
  const signer = { keyId: approver.keyId, privateKey: approver.privateKey, name: 'Bench Approver' };
  const signTimes: number[] = [];
  const verifyTimes: number[] = [];
  const listTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    let start = performance.now();
    const signatures = [];
    for (const doc of docs) signatures.push(await signSop(doc, signer, 'approver', '2026-05-01T10:00:00.000Z'));
    signTimes.push(ms(start));
    start = performance.now();
    const listCheck = await verifyTrustList(signedList, admin.keyId);
    listTimes.push(ms(start));
    if (!listCheck.ok) throw new Error(listCheck.reason);
    start = performance.now();
    for (let i = 0; i < docs.length; i += 1) {
      const result = await checkApproval(docs[i]!, [signatures[i]!], listCheck.list, '2026-06-01T00:00:00.000Z');
      if (!result.ok) throw new Error(result.reason);
    }
    verifyTimes.push(ms(start));
  }
  const bytes = docs.reduce((sum, doc) => sum + JSON.stringify(doc).length, 0);
  console.log(`library: ${docs.length} SOPs, ${(bytes / 1024).toFixed(0)} KiB of JSON; ${ROUNDS} rounds, median (min-max)`);
  const line = (label: string, values: number[]) => console.log(`${label.padEnd(46)} ${median(values).toFixed(1)} ms (${Math.min(...values).toFixed(1)}-${Math.max(...values).toFixed(1)})`);
  line('sign the whole library (hash + ECDSA sign each)', signTimes);
  line('verify the trust list against the pinned key', listTimes);
  line('verify every SOP\'s approval (hash + verify)', verifyTimes);
  console.log(`per SOP: sign ${(median(signTimes) / docs.length).toFixed(2)} ms, verify ${(median(verifyTimes) / docs.length).toFixed(2)} ms`);
}

await main();
