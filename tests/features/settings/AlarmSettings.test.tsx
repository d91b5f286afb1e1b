// Settings: "Test alarm" rings the real alarm (sound and the shell's banner)
// until it is acknowledged; the 999 ambulance wait defaults to the Category 2
// mean target and is saved as a local setting.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AlarmBanner } from '../../../src/app/AlarmBanner';
import { AlarmService } from '../../../src/shared/alarm';
import type { SettingsStore } from '../../../src/shared/session';
import { AlarmSettings } from '../../../src/features/settings/AlarmSettings';

function memoryStore(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (key) => data.get(key), put: async (key, value) => void data.set(key, value) };
}

describe('alarm settings', () => {
  it('the test alarm sounds and shows the banner until acknowledged', async () => {
    const sounds: number[] = [];
    const alarms = new AlarmService({ sound: (level) => void sounds.push(level), pageHidden: () => false, notify: () => undefined });
    const user = userEvent.setup();
    render(<><AlarmBanner service={alarms} /><AlarmSettings alarms={alarms} store={memoryStore()} /></>);
    await user.click(screen.getByRole('button', { name: 'Test alarm' }));
    expect(sounds).toEqual([1]);
    expect(screen.getByRole('alert')).toHaveTextContent('Alarm: Test alarm.');
    await user.click(screen.getByRole('button', { name: 'Acknowledge alarm' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(alarms.getRaised()).toEqual([]);
  });

  it('saves the minutes to wait for a 999 ambulance, 18 by default', async () => {
    const store = memoryStore();
    const user = userEvent.setup();
    render(<AlarmSettings alarms={new AlarmService({ sound: () => undefined, pageHidden: () => false, notify: () => undefined })} store={store} />);
    const field = screen.getByLabelText(/Minutes to wait for a 999 ambulance/);
    expect(field).toHaveValue('18');
    await user.clear(field);
    await user.type(field, '7');
    await user.click(screen.getByRole('button', { name: 'Save ambulance wait' }));
    expect(await screen.findByText('Ambulance wait saved.')).toBeInTheDocument();
    expect(store.data.get('ambulanceWait')).toEqual({ minutes: 7 });
  });
});
