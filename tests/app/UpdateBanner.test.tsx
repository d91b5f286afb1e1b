import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UpdateBanner } from '../../src/app/UpdateBanner';
import { setEpisodeActive } from '../../src/shared/activity';
import type { UpdateChannel } from '../../src/app/platform/serviceWorker';

function fakeChannel() {
  let announce = () => {};
  const channel: UpdateChannel = {
    onUpdateWaiting: (listener) => {
      announce = listener;
    },
    onOfflineReady: () => {},
    applyUpdate: vi.fn().mockResolvedValue(undefined),
  };
  return { channel, announceUpdate: () => act(() => announce()) };
}

describe('update banner', () => {
  it('offers the update and applies it only when the user accepts', async () => {
    setEpisodeActive(false);
    const { channel, announceUpdate } = fakeChannel();
    render(<UpdateBanner channel={channel} />);
    expect(screen.queryByText(/new version/i)).not.toBeInTheDocument();
    announceUpdate();
    expect(screen.getByText(/new version of the app is ready/i)).toBeInTheDocument();
    expect(channel.applyUpdate).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(channel.applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('holds the update while an escalation episode is open, then offers it when it ends', () => {
    const { channel, announceUpdate } = fakeChannel();
    act(() => setEpisodeActive(true));
    render(<UpdateBanner channel={channel} />);
    announceUpdate();
    expect(screen.getByText(/offered when this escalation ends/i)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Update now' })).not.toBeInTheDocument();
    act(() => setEpisodeActive(false));
    expect(screen.getByRole('button', { name: 'Update now' })).toBeInTheDocument();
  });
});

describe('episodes left open', () => {
  it('count as active at start, so an update waits even before Escalate reopens them', async () => {
    const { markStoredEpisodesActive, isEpisodeActive } = await import('../../src/shared/activity');
    act(() => setEpisodeActive(false));
    await markStoredEpisodesActive(async () => []);
    expect(isEpisodeActive()).toBe(false);
    await markStoredEpisodesActive(async () => [{ id: 'left-open' }]);
    expect(isEpisodeActive()).toBe(true);
    await markStoredEpisodesActive(async () => {
      throw new Error('storage unreadable');
    });
    expect(isEpisodeActive()).toBe(true);
    act(() => setEpisodeActive(false));
  });
});
