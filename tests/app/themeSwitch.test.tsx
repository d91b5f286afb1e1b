// The low-glare theme: follows the device's prefers-color-scheme, one tap on
// the header switch changes it, and the choice survives a reload.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeSwitch } from '../../src/app/theme/ThemeSwitch';
import { THEME_STORAGE_KEY, applyTheme } from '../../src/app/theme/themeChoice';

/** A device whose prefers-color-scheme is `scheme`, and can change while the app is open. */
function deviceScheme(scheme: 'light' | 'dark') {
  const listeners = new Set<() => void>();
  const query = {
    matches: scheme === 'dark',
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', () => query);
  return {
    change(next: 'light' | 'dark') {
      query.matches = next === 'dark';
      act(() => {
        for (const listener of listeners) listener();
      });
    },
  };
}

const shownTheme = () => document.documentElement.dataset.theme;
const themeSwitch = () => screen.getByRole('button', { name: 'Dark theme' });

beforeEach(() => {
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});
afterEach(() => vi.unstubAllGlobals());

describe('theme', () => {
  it('follows a dark device before anything is chosen, and the switch shows it pressed', () => {
    deviceScheme('dark');
    applyTheme();
    render(<ThemeSwitch />);
    expect(shownTheme()).toBe('dark');
    expect(themeSwitch()).toHaveAttribute('aria-pressed', 'true');
  });

  it('follows a light device by default', () => {
    deviceScheme('light');
    applyTheme();
    render(<ThemeSwitch />);
    expect(shownTheme()).toBe('light');
    expect(themeSwitch()).toHaveAttribute('aria-pressed', 'false');
  });

  it('switches with one tap and keeps the choice over a reload', async () => {
    deviceScheme('light');
    applyTheme();
    const { unmount } = render(<ThemeSwitch />);
    await userEvent.click(themeSwitch());
    expect(shownTheme()).toBe('dark');
    expect(themeSwitch()).toHaveAttribute('aria-pressed', 'true');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');

    // Reload: a fresh page reads the stored choice before drawing anything.
    unmount();
    delete document.documentElement.dataset.theme;
    applyTheme();
    expect(shownTheme()).toBe('dark');
  });

  it('a choice holds when the device changes; choosing what the device prefers follows the device again', async () => {
    const device = deviceScheme('dark');
    applyTheme();
    render(<ThemeSwitch />);
    await userEvent.click(themeSwitch());
    expect(shownTheme()).toBe('light');
    device.change('light');
    expect(shownTheme()).toBe('light');
    await userEvent.click(themeSwitch());
    expect(shownTheme()).toBe('dark');
    // Dark was not what the device prefers now, so it is stored.
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    await userEvent.click(themeSwitch());
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBeNull();
    device.change('dark');
    expect(shownTheme()).toBe('dark');
    expect(themeSwitch()).toHaveAttribute('aria-pressed', 'true');
  });

  it('still switches when storage refuses the choice', async () => {
    deviceScheme('light');
    applyTheme();
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    render(<ThemeSwitch />);
    await userEvent.click(themeSwitch());
    expect(shownTheme()).toBe('dark');
    vi.restoreAllMocks();
  });
});
