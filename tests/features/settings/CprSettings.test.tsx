// Settings: "Staff here give adrenaline in cardiac arrest (local pathway)" is
// off by default, saved as a site setting, and a stored value is untrusted.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseCprAdrenaline, readCprAdrenaline, type SettingsStore } from '../../../src/shared/session';
import { CprSettings } from '../../../src/features/settings/CprSettings';

function memoryStore(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (key) => data.get(key), put: async (key, value) => void data.set(key, value) };
}

describe('the cardiac arrest setting', () => {
  it('is off by default and saved when ticked', async () => {
    const store = memoryStore();
    const user = userEvent.setup();
    render(<CprSettings store={store} />);
    const box = screen.getByRole('checkbox', { name: 'Staff here give adrenaline in cardiac arrest (local pathway)' });
    expect(box).not.toBeChecked();
    expect(await readCprAdrenaline(store)).toBe(false);
    await user.click(box);
    expect(await screen.findByText('Saved: the CPR clock times adrenaline.')).toBeInTheDocument();
    expect(store.data.get('cprAdrenaline')).toEqual({ given: true });
    expect(await readCprAdrenaline(store)).toBe(true);
  });

  it('shows the stored choice', async () => {
    const store = memoryStore();
    store.data.set('cprAdrenaline', { given: true });
    render(<CprSettings store={store} />);
    expect(await screen.findByRole('checkbox', { checked: true })).toBeInTheDocument();
  });

  it('reads anything but { given: true } as off', async () => {
    for (const value of [undefined, null, true, 'yes', { given: 'true' }, { given: 1 }]) expect(parseCprAdrenaline(value)).toBe(false);
    const broken: SettingsStore = { get: () => Promise.reject(new Error('no db')), put: async () => undefined };
    expect(await readCprAdrenaline(broken)).toBe(false);
  });
});
