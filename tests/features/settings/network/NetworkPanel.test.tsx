// Settings → Network: enrolment refuses a damaged code in plain words and
// keeps nothing; an enrolled tablet shows last sync, events waiting and the
// problem in words, and never its secret.
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NetworkPanel } from '../../../../src/features/settings/network/NetworkPanel';
import { setNetworkStatus } from '../../../../src/shared/network';
import { readCredentials, REVOKED_MESSAGE } from '../../../../src/db/sync';

afterEach(() => setNetworkStatus({ checked: false, identity: null, report: null }));

describe('Settings → Network', () => {
  it('offers enrolment on a tablet that is not on a network, and explains a damaged code', async () => {
    render(<NetworkPanel />);
    const code = await screen.findByRole('textbox', { name: /^Enrolment code/ });
    await userEvent.type(code, 'not-a-code');
    await userEvent.click(screen.getByRole('button', { name: 'Enrol this tablet' }));
    expect(await screen.findByText(/An enrolment code starts with "cdc1\."/)).toBeInTheDocument();
    expect(await readCredentials()).toBeNull();
  });

  it('masks the password of device credentials and clears it once used', async () => {
    render(<NetworkPanel />);
    await userEvent.click(await screen.findByRole('radio', { name: 'Device account and password' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    await userEvent.type(screen.getByLabelText(/Server address/), 'https://network.test');
    await userEvent.type(screen.getByLabelText('Site id'), 'Leeds CDC');
    await userEvent.type(screen.getByLabelText('Device account'), 'device-00112233aabbccdd');
    await userEvent.type(password, 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: 'Enrol this tablet' }));
    expect(await screen.findByText(/site id is lower-case letters/)).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it('shows the sync in words — last sync, events waiting, the problem — and never the secret', () => {
    const secret = 'f'.repeat(64);
    setNetworkStatus({
      checked: true,
      identity: { url: 'https://network.test', user: 'device-00112233aabbccdd', site: 'leeds-cdc', enrolledAt: 0 },
      report: { phase: 'revoked', lastSyncAt: Date.UTC(2026, 10, 20, 9, 30), waiting: 12, problem: REVOKED_MESSAGE, refused: [] },
    });
    render(<NetworkPanel />);
    expect(screen.getByText('Events waiting to be sent').nextElementSibling).toHaveTextContent('12');
    expect(screen.getByText('Last sync').nextElementSibling).toHaveTextContent(/20 Nov/);
    expect(screen.getByRole('alert')).toHaveTextContent("This tablet's network access was withdrawn by the network administrator");
    expect(screen.getByText('device-00112233aabbccdd')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(secret);
    expect(screen.getByRole('button', { name: 'Send now' })).toBeDisabled();
  });
});
