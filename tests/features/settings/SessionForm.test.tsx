import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SessionProvider } from '../../../src/shared/session';
import { SessionForm } from '../../../src/features/settings/SessionForm';
import { parseSessionSettings, type SettingsStore } from '../../../src/shared/session';

function memoryStore(initial: Record<string, unknown> = {}, failWrites = false) {
  const data = new Map(Object.entries(initial));
  const store: SettingsStore = {
    get: async (key) => data.get(key),
    put: async (key, value) => {
      if (failWrites) throw new DOMException('full', 'QuotaExceededError');
      data.set(key, value);
    },
  };
  return { store, data };
}

describe('session settings', () => {
  it('loads the saved session and saves changes', async () => {
    const { store, data } = memoryStore({ session: { site: 'CDC North', modality: 'echo', operatorRole: 'Physiologist' } });
    render(
      <SessionProvider store={store}>
        <SessionForm />
      </SessionProvider>,
    );
    expect(await screen.findByDisplayValue('CDC North')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Echo' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Cardiac CT' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText('Session saved.')).toBeInTheDocument();
    expect(data.get('session')).toEqual({ site: 'CDC North', modality: 'ct', operatorRole: 'Physiologist' });
  });

  it('tells the user when settings cannot be saved, and keeps what they entered', async () => {
    const { store } = memoryStore({}, true);
    render(
      <SessionProvider store={store}>
        <SessionForm />
      </SessionProvider>,
    );
    await userEvent.type(screen.getByLabelText('Site'), 'CDC South');
    await userEvent.click(screen.getByRole('button', { name: 'Save session' }));
    expect(await screen.findByText(/could not be saved/i)).toBeInTheDocument();
    expect(screen.getByLabelText('Site')).toHaveValue('CDC South');
  });

  it('accepts only well-formed stored values', () => {
    expect(parseSessionSettings({ site: 42, modality: 'xray', operatorRole: 'R' })).toEqual({ site: '', modality: null, operatorRole: 'R' });
    expect(parseSessionSettings('nonsense')).toEqual({ site: '', modality: null, operatorRole: '' });
  });
});
