// The library on a tablet that holds a network trust list: only SOPs whose
// approval signature verifies go live on Escalate, whether they arrive by file
// or by the network; everything else is a draft with its reason; an id is
// replaced only by a later signed version; look-alike titles are flagged; and
// every step is a record in the hash-chained library log.
import { describe, expect, it } from 'vitest';
import { openLogDb, type LogDb } from '../../../src/db/database';
import {
  acceptLibraryDocument, activeSopFor, createApproverKey, signWithDeviceKey, exportLibraryLog, importSopText, installTrustList, listLibraryLog, pinAdminKey, publish, readTrust, startDraft, verifyLibraryLog,
} from '../../../src/db/library';
import { signTrustList, type SopDocument, type TrustList } from '../../../src/engine';
import { approvedDoc, network, NOW, person, signedFile } from '../../support/trustFixtures';

const freshDb = (): LogDb => openLogDb(`signed-library-${globalThis.crypto.randomUUID()}`);
const TODAY = '2026-06-01';

async function tablet(options: Parameters<typeof network>[0] = {}) {
  const db = freshDb();
  const net = await network(options);
  await pinAdminKey(net.admin.publicJwk, db);
  expect(await installTrustList(net.signedList, db)).toMatchObject({ ok: true });
  return { db, net };
}

describe('imports on a tablet with a trust list', () => {
  it('runs an approved file whose signature verifies, by file or by the network', async () => {
    const { db, net } = await tablet();
    const file = await signedFile(approvedDoc(), [{ who: net.approver, role: 'approver' }]);
    const result = await importSopText(JSON.stringify(file), { db, today: TODAY, now: NOW });
    expect(result).toMatchObject({ ok: true, status: 'approved', reason: null });
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.doc.version).toBe('2.0.0');
    const again = await acceptLibraryDocument({ value: JSON.parse(JSON.stringify(file)) }, { db, today: TODAY, now: NOW, origin: 'network' });
    expect(again).toMatchObject({ ok: true, duplicate: true });
  });

  it('stores a forged approval (no signature) as a draft, never on Escalate, and says why', async () => {
    const { db } = await tablet();
    const result = await importSopText(JSON.stringify(approvedDoc()), { db, today: TODAY, now: NOW });
    expect(result).toMatchObject({ ok: true, status: 'draft', reason: 'its approval does not verify: it says "approved" but carries no approval signature' });
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.source).toBe('built-in');
  });

  it('stores a file signed by an unlisted key, or over other content, as a draft (the network path too)', async () => {
    const { db, net } = await tablet();
    const stranger = await person('Dr A Approver', ['approver']);
    const wrongKey = await signedFile(approvedDoc(), [{ who: stranger, role: 'approver' }]);
    expect(await acceptLibraryDocument({ value: wrongKey }, { db, today: TODAY, now: NOW, origin: 'network' })).toMatchObject({ status: 'draft', reason: expect.stringContaining('not on the Test cardiac network trust list') });
    const good = await signedFile(approvedDoc(), [{ who: net.approver, role: 'approver' }]);
    const swapped = { ...good, document: approvedDoc('Dr A Approver', { title: 'Fast AF', finding: 'Unrelated content reusing the fast-af id' }) };
    expect(await importSopText(JSON.stringify(swapped), { db, today: TODAY, now: NOW })).toMatchObject({ status: 'draft', reason: expect.stringContaining('over other content') });
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.source).toBe('built-in');
  });

  it('replaces an SOP id only by a later version: an older or equal signed version is kept as a draft', async () => {
    const { db, net } = await tablet();
    const v3 = await signedFile(approvedDoc('Dr A Approver', { version: '3.0.0' }), [{ who: net.approver, role: 'approver' }]);
    expect(await importSopText(JSON.stringify(v3), { db, today: TODAY, now: NOW })).toMatchObject({ status: 'approved' });
    const older = await signedFile(approvedDoc('Dr A Approver', { version: '2.5.0', finding: 'Rolled back text' }), [{ who: net.approver, role: 'approver' }]);
    expect(await importSopText(JSON.stringify(older), { db, today: TODAY, now: NOW })).toMatchObject({ status: 'draft', reason: expect.stringContaining('not later than version 3.0.0') });
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.doc.version).toBe('3.0.0');
  });

  it('flags a title that looks like another SOP\'s (another id)', async () => {
    const { db, net } = await tablet();
    const poser = approvedDoc('Dr A Approver', { id: 'fast-af-2', title: 'Atrial arrhythmia with a rapid ventricu1ar rate' } as Partial<SopDocument>);
    const file = await signedFile(poser, [{ who: net.approver, role: 'approver' }]);
    const result = await importSopText(JSON.stringify(file), { db, today: TODAY, now: NOW, });
    expect(result).toMatchObject({ ok: true, lookAlike: { sopId: 'fast-af' } });
    expect((await listLibraryLog(db)).at(-1)?.reason).toContain('looks like');
  });

  it('takes a version off Escalate once its approver\'s key is revoked on a newer trust list', async () => {
    const { db, net } = await tablet();
    const file = await signedFile(approvedDoc(), [{ who: net.approver, role: 'approver' }]);
    await importSopText(JSON.stringify(file), { db, today: TODAY, now: NOW });
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.doc.version).toBe('2.0.0');
    const revokedList: TrustList = { ...net.list, sequence: 2, entries: net.list.entries.map((e) => ({ ...e, revokedAt: '2026-05-31T00:00:00.000Z', revokedReason: 'key lost' })) };
    expect(await installTrustList(await signTrustList(revokedList, net.admin), db)).toMatchObject({ ok: true });
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.source).toBe('built-in');
    // The old list cannot be replayed to bring the key back.
    expect(await installTrustList(net.signedList, db)).toMatchObject({ ok: false, reason: expect.stringContaining('older than the one this tablet holds') });
  });

  it('refuses a trust list signed by another administrator and keeps the pinned one', async () => {
    const { db, net } = await tablet();
    const other = await network();
    expect(await installTrustList(other.signedList, db)).toMatchObject({ ok: false, reason: expect.stringContaining('different administrator key') });
    expect((await readTrust(db)).list?.sequence).toBe(net.list.sequence);
    await expect(pinAdminKey(other.admin.publicJwk, db)).rejects.toMatchObject({ userMessage: expect.stringContaining('already set up') });
  });
});

describe('publishing with this device\'s approver key', () => {
  it('signs with a non-extractable key made here, and the signed version runs on a tablet trusting it', async () => {
    const db = freshDb();
    const key = await createApproverKey('Dr A Approver', db);
    expect(key.privateKey.extractable).toBe(false);
    const approver = await person('unused', ['approver']);
    const net = await network({ people: [{ ...approver, entry: { ...approver.entry, keyId: key.keyId, publicKey: key.publicJwk, name: 'Dr A Approver' } }] });
    await pinAdminKey(net.admin.keyId, db);
    await installTrustList(net.signedList, db);
    const draftKey = await startDraft(approvedDoc(), db);
    const draft = (await db.sops.get(draftKey))!.document;
    await publish(draft, { name: 'Dr A Approver', role: 'Clinical lead', date: TODAY, reviewDue: '2027-06-01' }, { draftKey, db, today: TODAY, signWith: key.keyId });
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.source).toBe('local');
    const unsignedDraft = await startDraft(approvedDoc('Dr A Approver', { version: '5.0.0' }), db);
    await publish((await db.sops.get(unsignedDraft))!.document, { name: 'Dr A Approver', role: 'Clinical lead', date: TODAY, reviewDue: '2027-06-01' }, { draftKey: unsignedDraft, db, today: TODAY });
    // The unsigned 5.1.0 is not trusted here: the signed 2.1.0 keeps running.
    expect((await activeSopFor('fast-af', { db, today: TODAY }))?.doc.version).toBe('2.1.0');
  });
});

describe('two people: the author signs, the approver countersigns on their own tablet', () => {
  /** Two tablets of one network with the two-person rule: the author's and the approver's, each holding its own key. */
  async function twoTablets() {
    const authorDb = freshDb();
    const approverDb = freshDb();
    const authorKey = await createApproverKey('B Author', authorDb);
    const approverKey = await createApproverKey('Dr A Approver', approverDb);
    const base = await person('unused', ['approver']);
    const entry = (key: typeof authorKey, name: string, personId: string, roles: Array<'author' | 'approver'>) =>
      ({ ...base, entry: { ...base.entry, keyId: key.keyId, publicKey: key.publicJwk, name, personId, roles } });
    const net = await network({ twoPersonRule: true, people: [entry(authorKey, 'B Author', 'b-author', ['author']), entry(approverKey, 'Dr A Approver', 'a-approver', ['approver'])] });
    for (const db of [authorDb, approverDb]) {
      await pinAdminKey(net.admin.keyId, db);
      expect(await installTrustList(net.signedList, db)).toMatchObject({ ok: true });
    }
    return { authorDb, approverDb, authorKey, approverKey, net };
  }

  it('runs a version only once the approver named has reviewed and countersigned it', async () => {
    const { authorDb, approverDb, authorKey, approverKey } = await twoTablets();
    const draftKey = await startDraft(approvedDoc(), authorDb);
    const { hash } = await publish((await authorDb.sops.get(draftKey))!.document, { name: 'Dr A Approver', role: 'Clinical lead', date: TODAY, reviewDue: '2027-06-01' },
      { draftKey, db: authorDb, today: TODAY, signWith: authorKey.keyId, signAs: 'author' });
    const row = (await authorDb.sops.get(hash))!;
    expect(row.signatures).toEqual([expect.objectContaining({ role: 'author', name: 'B Author' })]);
    // On the author's tablet it waits: the author's signature alone does not approve it.
    expect((await activeSopFor('fast-af', { db: authorDb, today: TODAY }))?.source).toBe('built-in');
    const file = JSON.stringify({ format: 'cdc-signed-sop/1', document: row.document, signatures: row.signatures });

    const offered = await importSopText(file, { db: approverDb, today: TODAY });
    expect(offered).toMatchObject({ ok: true, status: 'draft', countersign: { keyId: approverKey.keyId, name: 'Dr A Approver' } });
    expect((await activeSopFor('fast-af', { db: approverDb, today: TODAY }))?.source).toBe('built-in');
    const approved = await importSopText(file, { db: approverDb, today: TODAY, countersignWith: approverKey.keyId });
    expect(approved).toMatchObject({ ok: true, status: 'approved', countersign: null });
    const active = (await activeSopFor('fast-af', { db: approverDb, today: TODAY }))!;
    expect(active.hash).toBe(hash);
    const stored = (await approverDb.sops.get(hash))!;
    expect(stored.signatures!.map((sig) => (sig as { role: string }).role)).toEqual(['author', 'approver']);
    // The draft left for the review is gone; the log names both people.
    expect((await approverDb.sops.toArray()).filter((r) => r.status === 'draft')).toEqual([]);
    expect((await listLibraryLog(approverDb)).at(-1)).toMatchObject({ action: 'approve', who: 'Dr A Approver', outcome: 'countersigned and approved', reason: 'written by B Author' });
    // The countersigned file back on the author's tablet: the copy held there takes the signatures and runs.
    const countersigned = JSON.stringify({ format: 'cdc-signed-sop/1', document: stored.document, signatures: stored.signatures });
    expect(await importSopText(countersigned, { db: authorDb, today: TODAY })).toMatchObject({ ok: true, status: 'approved', key: hash });
    expect((await activeSopFor('fast-af', { db: authorDb, today: TODAY }))?.hash).toBe(hash);
  });

  it('never offers a countersignature to an approver who wrote the version, nor to a key the approval does not name', async () => {
    const { approverDb, approverKey, net } = await twoTablets();
    // Signed as its author by the approver's own key: the two-person rule refuses, so no offer.
    const own = approvedDoc('Dr A Approver', { version: '3.0.0' });
    const selfSigned = await signWithDeviceKey(approverKey.keyId, own, 'author', approverDb);
    const selfFile = JSON.stringify({ format: 'cdc-signed-sop/1', document: own, signatures: [selfSigned] });
    expect(await importSopText(selfFile, { db: approverDb, today: TODAY })).toMatchObject({ ok: true, status: 'draft', countersign: null });
    await expect(importSopText(selfFile, { db: approverDb, today: TODAY, countersignWith: approverKey.keyId })).resolves.toMatchObject({ status: 'draft' });
    // Names another approver: this tablet's key is not offered.
    const other = approvedDoc('Dr Someone Else', { version: '4.0.0' });
    const byAuthor = await signedFile(other, [{ who: net.author, role: 'author' }]);
    expect(await importSopText(JSON.stringify(byAuthor), { db: approverDb, today: TODAY })).toMatchObject({ ok: true, status: 'draft', countersign: null });
  });
});

describe('the library log', () => {
  it('records every import, publish and trust-list change, hash-chained; an edit shows on verification', async () => {
    const { db, net } = await tablet();
    await importSopText(JSON.stringify(approvedDoc()), { db, today: TODAY, now: NOW });
    await importSopText(JSON.stringify(await signedFile(approvedDoc(), [{ who: net.approver, role: 'approver' }])), { db, today: TODAY, now: NOW });
    const records = await listLibraryLog(db);
    expect(records.map((r) => `${r.action}:${r.outcome}`)).toEqual(['trust-list:installed', 'import:stored as draft', 'import:stored as approved']);
    expect(await verifyLibraryLog(records)).toMatchObject({ ok: true, count: 3 });
    const edited = records.map((r) => (r.seq === 2 ? { ...r, outcome: 'stored as approved' } : r));
    expect(await verifyLibraryLog(edited)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(await verifyLibraryLog(records.filter((r) => r.seq !== 2))).toMatchObject({ ok: false, brokenAt: 2 });
    const exported = JSON.parse(await exportLibraryLog(db));
    expect(exported).toMatchObject({ format: 'cdc-library-log/1', head: records.at(-1)!.hash });
  });
});
