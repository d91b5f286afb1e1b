import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { openLogDb } from '../../../src/db/database';
import { getDeviceId } from '../../../src/db/config';
import { DeviceIdPanel } from '../../../src/features/settings/DeviceIdPanel';

describe('Settings shows the device id', () => {
  it('shows the id this tablet records on its episodes', async () => {
    const db = openLogDb(`device-panel-${globalThis.crypto.randomUUID()}`);
    render(<DeviceIdPanel db={db} />);
    expect(await screen.findByTestId('device-id')).toHaveTextContent(await getDeviceId(db));
    expect(screen.getByRole('heading', { name: 'This tablet' })).toBeInTheDocument();
  });
});
