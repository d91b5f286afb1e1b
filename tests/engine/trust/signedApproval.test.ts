// Signed approvals checked against a signed trust list: what verifies and,
// for each way of cheating, the plain reason it does not.
import { describe, expect, it } from 'vitest';
import { checkApproval, verifyTrustList, signTrustList, keyIdOf, splitSignedSop, hashSop } from '../../../src/engine';
import { approvedDoc, network, NOW, person, signedFile } from '../../support/trustFixtures';

describe('a signed approval', () => {
  it('verifies when a trusted approver signed exactly this content', async () => {
    const net = await network();
    const doc = approvedDoc();
    const file = await signedFile(doc, [{ who: net.approver, role: 'approver' }]);
    const result = await checkApproval(doc, file.signatures, net.list, NOW);
    expect(result).toMatchObject({ ok: true, approver: { name: 'Dr A Approver' }, hash: await hashSop(doc) });
  });

  it('refuses an "approved" file with no signature (a forged approval block)', async () => {
    const net = await network();
    const result = await checkApproval(approvedDoc(), [], net.list, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'it says "approved" but carries no approval signature' });
  });

  it('refuses a signature by a key that is not on the trust list (a wrong key)', async () => {
    const net = await network();
    const stranger = await person('Dr A Approver', ['approver']);
    const doc = approvedDoc();
    const file = await signedFile(doc, [{ who: stranger, role: 'approver' }]);
    const result = await checkApproval(doc, file.signatures, net.list, NOW);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('not on the Test cardiac network trust list') });
  });

  it('refuses a forged signature: the trusted key id with another key\'s signature', async () => {
    const net = await network();
    const stranger = await person('x', ['approver']);
    const doc = approvedDoc();
    const file = await signedFile(doc, [{ who: { ...stranger, signer: { ...stranger.signer, keyId: net.approver.entry.keyId, name: 'Dr A Approver' } }, role: 'approver' }]);
    const result = await checkApproval(doc, file.signatures, net.list, NOW);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('does not verify against their key') });
  });

  it('refuses a signature over other content (the signed file edited afterwards, or another SOP reusing the id)', async () => {
    const net = await network();
    const doc = approvedDoc();
    const file = await signedFile(doc, [{ who: net.approver, role: 'approver' }]);
    const edited = approvedDoc('Dr A Approver', { finding: 'Something else entirely' });
    const result = await checkApproval(edited, file.signatures, net.list, NOW);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('over other content') });
    // A signature whose hash is rewritten to match no longer verifies.
    const rewritten = file.signatures.map((s) => ({ ...s, sopHash: '0'.repeat(64) }));
    expect((await checkApproval(doc, rewritten, net.list, NOW)).ok).toBe(false);
  });

  it('refuses a revoked approver key and an expired one, saying which and when', async () => {
    const revoked = await person('Dr R', ['approver'], { revokedAt: '2026-04-01T00:00:00.000Z', revokedReason: 'tablet stolen' });
    const expired = await person('Dr E', ['approver'], { validUntil: '2026-05-31T00:00:00.000Z' });
    const net = await network({ people: [revoked, expired] });
    const byRevoked = await signedFile(approvedDoc('Dr R'), [{ who: revoked, role: 'approver' }]);
    expect(await checkApproval(approvedDoc('Dr R'), byRevoked.signatures, net.list, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining("Dr R's key was revoked on 2026-04-01 (tablet stolen)") });
    const byExpired = await signedFile(approvedDoc('Dr E'), [{ who: expired, role: 'approver' }]);
    expect(await checkApproval(approvedDoc('Dr E'), byExpired.signatures, net.list, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining("Dr E's key expired on 2026-05-31") });
  });

  it('refuses a signature by an author who is not an approver, and an approval block naming someone else', async () => {
    const net = await network();
    const doc = approvedDoc();
    const byAuthor = await signedFile(doc, [{ who: net.author, role: 'approver' }]);
    expect(await checkApproval(doc, byAuthor.signatures, net.list, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('not registered as an approver') });
    const otherName = approvedDoc('Dr Somebody Else');
    const file = await signedFile(otherName, [{ who: net.approver, role: 'approver' }]);
    expect(await checkApproval(otherName, file.signatures, net.list, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('names "Dr Somebody Else"') });
  });

  it('keeps the two-person rule: the approver may not be the author', async () => {
    const both = await person('Dr Both', ['author', 'approver']);
    const author = await person('B Author', ['author']);
    const net = await network({ twoPersonRule: true, people: [both, author] });
    const doc = approvedDoc('Dr Both');
    const alone = await signedFile(doc, [{ who: both, role: 'author' }, { who: both, role: 'approver' }]);
    expect(await checkApproval(doc, alone.signatures, net.list, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('both wrote and approved') });
    const unsignedAuthor = await signedFile(doc, [{ who: both, role: 'approver' }]);
    expect((await checkApproval(doc, unsignedAuthor.signatures, net.list, NOW)).ok).toBe(false);
    const two = await signedFile(doc, [{ who: author, role: 'author' }, { who: both, role: 'approver' }]);
    expect((await checkApproval(doc, two.signatures, net.list, NOW)).ok).toBe(true);
  });

  it('splits a signed file into its document and signatures; a plain SOP has none', async () => {
    const net = await network();
    const file = await signedFile(approvedDoc(), [{ who: net.approver, role: 'approver' }]);
    expect(splitSignedSop(JSON.parse(JSON.stringify(file))).signatures).toHaveLength(1);
    expect(splitSignedSop(approvedDoc()).signatures).toEqual([]);
  });
});

describe('the trust list', () => {
  it('verifies against the administrator key the tablet pinned', async () => {
    const net = await network();
    const result = await verifyTrustList(JSON.parse(JSON.stringify(net.signedList)), net.admin.keyId);
    expect(result).toMatchObject({ ok: true, list: { network: 'Test cardiac network' } });
  });

  it('refuses a list edited after signing (an extra approver slipped in)', async () => {
    const net = await network();
    const intruder = await person('Mallory', ['approver']);
    const tampered = { ...net.signedList, list: { ...net.list, entries: [...net.list.entries, intruder.entry] } };
    expect(await verifyTrustList(tampered, net.admin.keyId)).toMatchObject({ ok: false, reason: expect.stringContaining('does not verify') });
  });

  it('refuses a list signed by another administrator key, and an older list (replay)', async () => {
    const net = await network({ sequence: 3 });
    const other = await network();
    const resigned = await signTrustList(net.list, other.admin);
    expect(await verifyTrustList(resigned, net.admin.keyId)).toMatchObject({ ok: false, reason: expect.stringContaining('different administrator key') });
    expect(await verifyTrustList(net.signedList, net.admin.keyId, 4)).toMatchObject({ ok: false, reason: expect.stringContaining('older than the one this tablet holds') });
    expect(await keyIdOf(net.admin.publicJwk)).toBe(net.admin.keyId);
  });
});
