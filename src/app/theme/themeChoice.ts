// Which colour theme the app shows: the device's prefers-color-scheme unless
// the user has chosen the other one with the header's switch. The choice is
// kept in localStorage (read synchronously before the first paint, so a dark
// room never gets a white flash) and set as <html data-theme>, which theme.css
// turns into its custom properties.
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'escalation-assistant.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';
/** The browser chrome's colour for each theme (the manifest's theme_color is the light one). */
const CHROME_COLOUR: Record<Theme, string> = { light: '#005eb8', dark: '#0b3a6e' };

const listeners = new Set<() => void>();

function darkQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
}

/** localStorage can be missing or throw (private browsing, storage blocked). */
function readStored(): string | null {
  try {
    return window.localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(theme: Theme | null): boolean {
  try {
    if (theme === null) window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, theme);
    return true;
  } catch {
    return false;
  }
}

/** The choice when storage refused it: not kept past this session, but the switch still works now. */
let unstoredChoice: Theme | null | undefined;

export function storedTheme(): Theme | null {
  if (unstoredChoice !== undefined) return unstoredChoice;
  const value = readStored();
  return value === 'light' || value === 'dark' ? value : null;
}

export function deviceTheme(): Theme {
  return darkQuery()?.matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return storedTheme() ?? deviceTheme();
}

/** Puts the current theme on <html> and the browser chrome. */
export function applyTheme(): void {
  const theme = currentTheme();
  document.documentElement.dataset.theme = theme;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
  if (meta) meta.content = CHROME_COLOUR[theme];
}

/** The switch: choosing what the device prefers anyway goes back to following the device. */
export function chooseTheme(theme: Theme): void {
  const choice = theme === deviceTheme() ? null : theme;
  unstoredChoice = writeStored(choice) ? undefined : choice;
  applyTheme();
  for (const listener of listeners) listener();
}

/** Follows both the switch and the device's setting changing (e.g. night mode at dusk). */
export function subscribeTheme(listener: () => void): () => void {
  const query = darkQuery();
  const onDeviceChange = () => {
    applyTheme();
    listener();
  };
  listeners.add(listener);
  query?.addEventListener('change', onDeviceChange);
  return () => {
    listeners.delete(listener);
    query?.removeEventListener('change', onDeviceChange);
  };
}
