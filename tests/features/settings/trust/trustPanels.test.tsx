// Settings → Trust and Signing keys: the administrator key is pinned from its
// public key file (never the private one), a trust list is installed only when
// it verifies (with the reason when it does not), its keys are listed with
// their standing, and an approver makes a key whose public file the
// administrator's CLI takes.
import { describe, expect, it } from 'vitest';
import { catchSavedFiles } from '../../../support/savedFiles';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openLogDb } from '../../../../src/db/database';
import { listApproverKeys, listLibraryLog, pinAdminKey, readTrust } from '../../../../src/db/library';
import { signTrustList, type TrustList } from '../../../../src/engine';
import { TrustPanel } from '../../../../src/features/settings/trust/TrustPanel';
import { ApproverKeysPanel } from '../../../../src/features/settings/trust/ApproverKeysPanel';
import { network, person } from '../../../support/trustFixtures';

const freshDb = () => openLogDb(`trust-panel-${globalThis.crypto.randomUUID()}`);
const jsonFile = (value: unknown, name: string) => new File([JSON.stringify(value)], name, { type: 'application/json' });

describe('Settings → Trust', () => {
  it('pins the administrator key from its public key file and refuses the private key file', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const net = await network();
    render(<TrustPanel db={db} />);
    const pinInput = await screen.findByLabelText("Set up with the administrator's public key file");
    await user.upload(pinInput, jsonFile({ format: 'cdc-admin-key/1', publicJwk: net.admin.publicJwk, privateJwk: { ...net.admin.publicJwk, d: 'secret' } }, 'admin-key.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/private key file\. It must never be put on a tablet/);
    expect((await readTrust(db)).adminKeyId).toBeNull();

    await user.upload(screen.getByLabelText("Set up with the administrator's public key file"), jsonFile(net.admin.publicJwk, 'admin-key.public.json'));
    expect(await screen.findByText(new RegExp(`believes trust lists signed by the network administrator key ${net.admin.keyId}`))).toBeInTheDocument();
    expect((await readTrust(db)).adminKeyId).toBe(net.admin.keyId);
    // Pinned once: the set-up button is gone.
    await waitFor(() => expect(screen.queryByLabelText("Set up with the administrator's public key file")).not.toBeInTheDocument());
  });

  it('installs a trust list that verifies and lists its keys with their standing; refuses a forged one and says why', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const revoked = await person('Dr R Revoked', ['approver'], { revokedAt: '2026-03-01T00:00:00.000Z', revokedReason: 'Tablet lost' });
    const net = await network({ people: undefined });
    const list: TrustList = { ...net.list, entries: [...net.list.entries, revoked.entry] };
    await pinAdminKey(net.admin.publicJwk, db);
    render(<TrustPanel db={db} />);

    const forger = await network();
    const forged = await signTrustList(list, forger.admin);
    await user.upload(await screen.findByLabelText('Import a trust list file'), jsonFile(forged, 'trust-list.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Nothing was installed\. The trust list is signed by a different administrator key/);

    await user.upload(screen.getByLabelText('Import a trust list file'), jsonFile(await signTrustList(list, net.admin), 'trust-list.json'));
    expect(await screen.findByText(/Trust list number 1 of Test cardiac network installed: 3 keys/)).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Keys on the trust list' });
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(name) });
    expect(row('Dr A Approver')).toHaveTextContent(/approver.*In force until 2027-12-31/);
    expect(row('Dr R Revoked')).toHaveTextContent('Revoked 2026-03-01 (Tablet lost)');
    // Both attempts are in the library log.
    expect((await listLibraryLog(db)).map((r) => r.outcome)).toEqual(['refused', 'installed']);
  });
});

describe('Settings → Signing keys', () => {
  it('makes a non-extractable key, saves its public key file, and says whether the trust list knows it', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const saved = catchSavedFiles();
    render(<ApproverKeysPanel db={db} />);
    await user.type(await screen.findByLabelText('Your name as the trust list will show it'), 'Dr A Approver');
    await user.click(screen.getByRole('button', { name: 'Make a signing key' }));
    const [row] = await waitFor(async () => {
      const keys = await listApproverKeys(db);
      expect(keys).toHaveLength(1);
      return keys;
    });
    expect(row!.privateKey.extractable).toBe(false);
    expect(await screen.findByText(row!.keyId)).toBeInTheDocument();
    expect(screen.getByText('No trust list on this tablet yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save public key file for Dr A Approver' }));
    await waitFor(() => expect(saved.texts).toHaveLength(1));
    const file = JSON.parse(saved.texts[0]!) as Record<string, unknown>;
    expect(file).toMatchObject({ format: 'cdc-public-key/1', keyId: row!.keyId, publicKey: row!.publicJwk });
    expect(JSON.stringify(file)).not.toMatch(/"d"/);
    saved.stop();
  });
});
