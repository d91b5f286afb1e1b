// The two-person rule in Author: a file its author signed, naming this
// tablet's approver, is kept as a draft and offered for countersigning; once
// countersigned it is approved and runs.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportPanel } from '../../../src/features/author/import/ImportPanel';
import { activeSopFor, createApproverKey, installTrustList, pinAdminKey } from '../../../src/db/library';
import { signTrustList } from '../../../src/engine';
import { approvedDoc, network, person, signedFile } from '../../support/trustFixtures';
import { freshDb, sopFile } from './authorFixtures';

describe('countersigning an author-signed file', { timeout: 30_000 }, () => {
  it('offers the countersignature to the approver named, with a way to review first, and approves on the tap', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await createApproverKey('Dr A Approver', db);
    const author = await person('B Author', ['author']);
    const net = await network({ twoPersonRule: true, people: [author] });
    const approverEntry = { ...author.entry, keyId: key.keyId, publicKey: key.publicJwk, name: 'Dr A Approver', personId: 'a-approver', roles: ['approver' as const], validUntil: '2099-01-01T00:00:00.000Z' };
    await pinAdminKey(net.admin.publicJwk, db);
    await installTrustList(await signTrustList({ ...net.list, entries: [{ ...author.entry, validUntil: '2099-01-01T00:00:00.000Z' }, approverEntry] }, net.admin), db);
    const doc = approvedDoc('Dr A Approver');
    const file = await signedFile(doc, [{ who: author, role: 'author' }], new Date(Date.now() - 60_000).toISOString());

    render(<ImportPanel db={db} onImported={() => undefined} />);
    await user.upload(screen.getByLabelText('Choose an SOP file'), sopFile(file));
    const offer = await screen.findByRole('region', { name: /version 2\.0\.0 waits for your countersignature/ });
    expect(offer).toHaveTextContent('names you, Dr A Approver, as its approver');
    expect(within(offer).getByRole('link', { name: 'Review it (full SOP)' })).toHaveAttribute('href', expect.stringMatching(/^\/author\/print\/draft/));
    expect((await activeSopFor('fast-af', { db }))?.source).toBe('built-in');
    await user.click(within(offer).getByRole('button', { name: 'Countersign as approver' }));
    expect(await screen.findByText(/You countersigned “.*” version 2\.0\.0 as its approver\. It is approved/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /waits for your countersignature/ })).not.toBeInTheDocument();
    expect((await activeSopFor('fast-af', { db }))?.doc.version).toBe('2.0.0');
  });
});
