// Publishing with this tablet's signing key: on a tablet that holds the
// network's trust list, the version is signed by the approver's key, so it
// runs here and on every tablet of the network; the approval must name the
// key's holder; an unsigned sign-off is warned about (it would never run here).
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '../../../src/features/author/editor/EditorView';
import { activeSopFor, createApproverKey, installTrustList, listLibrary, pinAdminKey, startDraft } from '../../../src/db/library';
import { signTrustList } from '../../../src/engine';
import { freshDb, smallSop } from './authorFixtures';
import { network } from '../../support/trustFixtures';

async function tabletWithTrustedKey(listed: boolean, roles: Array<'approver' | 'author'> = ['approver']) {
  const db = freshDb();
  const net = await network();
  const key = await createApproverKey('Dr K Keyholder', db);
  const entries = listed
    ? [...net.list.entries, { ...net.approver.entry, keyId: key.keyId, personId: 'k-keyholder', name: 'Dr K Keyholder', roles, publicKey: key.publicJwk, validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2099-01-01T00:00:00.000Z' }]
    : net.list.entries;
  await pinAdminKey(net.admin.publicJwk, db);
  const installed = await installTrustList(await signTrustList({ ...net.list, entries }, net.admin), db);
  expect(installed.ok).toBe(true);
  return { db, key };
}

describe('publishing with a signing key', { timeout: 30_000 }, () => {
  it('signs with the approver key the trust list knows, names its holder, and the version runs', async () => {
    const user = userEvent.setup();
    const { db, key } = await tabletWithTrustedKey(true);
    const draft = await startDraft(smallSop(), db);
    render(<EditorView draftKey={draft} db={db} />);
    const chooser = await screen.findByLabelText('Sign the approval with');
    expect(chooser).toHaveValue(key.keyId);
    expect(within(chooser).getByRole('option', { selected: true })).toHaveTextContent(/Dr K Keyholder's key .*approver on the trust list/);
    const name = screen.getByLabelText('Approver name');
    await waitFor(() => expect(name).toHaveValue('Dr K Keyholder'));
    const publishButton = await screen.findByRole('button', { name: 'Publish version 1.1.0' });
    // Another name would not match the signature's key.
    await user.clear(name);
    await user.type(name, 'Somebody Else');
    await user.type(screen.getByLabelText('Approver role'), 'Consultant cardiologist');
    await waitFor(() => expect(publishButton).toHaveAccessibleDescription('Publishing needs the approver’s name as the signing key has it (“Dr K Keyholder”).'));
    await user.clear(name);
    await user.type(name, 'Dr K Keyholder');
    await waitFor(() => expect(publishButton).toBeEnabled());
    expect(screen.queryByText(/never run on the Escalate screen/)).not.toBeInTheDocument();
    await user.click(publishButton);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, publish version 1.1.0' }));

    await waitFor(() => expect(window.location.pathname).toMatch(/^\/author\/view\//));
    const hash = decodeURIComponent(window.location.pathname.split('/').pop()!);
    const row = await db.sops.get(hash);
    expect(row?.signatures).toEqual([expect.objectContaining({ keyId: key.keyId, role: 'approver', name: 'Dr K Keyholder', sopHash: hash })]);
    expect((await activeSopFor('tiny-sop', { db }))?.hash).toBe(hash);
    const entry = (await listLibrary({ db })).find((e) => e.key === hash)!;
    expect(entry.untrusted).toBeNull();
  });

  it('signs as the author with an author\'s key, naming the approver who is to countersign', async () => {
    const user = userEvent.setup();
    const { db, key } = await tabletWithTrustedKey(true, ['author']);
    const draft = await startDraft(smallSop(), db);
    render(<EditorView draftKey={draft} db={db} />);
    const chooser = await screen.findByLabelText('Sign the approval with');
    expect(within(chooser).getByRole('option', { selected: true })).toHaveTextContent(/author on the trust list \(the approver countersigns\)/);
    expect(await screen.findByText(/Signed as its author: name the approver below/)).toBeInTheDocument();
    const name = screen.getByLabelText('Approver name');
    expect(name).toHaveValue('');
    await user.type(name, 'Dr A Approver');
    await user.type(screen.getByLabelText('Approver role'), 'Consultant cardiologist');
    const publishButton = await screen.findByRole('button', { name: 'Publish version 1.1.0' });
    await waitFor(() => expect(publishButton).toBeEnabled());
    window.history.replaceState(null, '', '/author');
    await user.click(publishButton);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Yes, publish version 1.1.0' }));
    await waitFor(() => expect(window.location.pathname).toMatch(/^\/author\/view\//));
    const hash = decodeURIComponent(window.location.pathname.split('/').pop()!);
    expect((await db.sops.get(hash))?.signatures).toEqual([expect.objectContaining({ keyId: key.keyId, role: 'author', name: 'Dr K Keyholder' })]);
    // Waiting for the countersignature, it does not run here.
    expect((await listLibrary({ db })).find((e) => e.key === hash)!.untrusted).toMatch(/approver/);
  });

  it('warns that a version not signed by an approver on the trust list will not run on this tablet', async () => {
    const user = userEvent.setup();
    const { db } = await tabletWithTrustedKey(false);
    const draft = await startDraft(smallSop(), db);
    render(<EditorView draftKey={draft} db={db} />);
    const chooser = await screen.findByLabelText('Sign the approval with');
    expect(within(chooser).getByRole('option', { selected: true })).toHaveTextContent(/not an approver on the trust list/);
    expect(await screen.findByText(/a version that is not signed by an approver on it is kept but never run on the Escalate screen/)).toBeInTheDocument();
    await user.selectOptions(chooser, '');
    expect(screen.getByText(/never run on the Escalate screen/)).toBeInTheDocument();
  });
});
