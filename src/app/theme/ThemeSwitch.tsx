// The one-tap theme switch in the header of every screen: a toggle button
// whose pressed state is "low-glare dark theme on".
import { useSyncExternalStore } from 'react';
import { chooseTheme, currentTheme, subscribeTheme } from './themeChoice';

export function ThemeSwitch() {
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, () => 'light' as const);
  const dark = theme === 'dark';
  return (
    <button type="button" className="app-header__theme" aria-pressed={dark} onClick={() => chooseTheme(dark ? 'light' : 'dark')}>
      <span aria-hidden="true" className="app-header__theme-mark">{dark ? '☾' : '☀'}</span>
      Dark theme
    </button>
  );
}
