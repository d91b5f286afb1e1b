// Entry point: asks for persistent storage, registers the service worker from
// its own script file, and mounts the app with the database-backed settings.
// Only the first screen is in this file's bundle; the rest loads right after.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { SessionProvider } from './shared/session';
import { registerServiceWorker } from './app/platform/serviceWorker';
import { requestPersistentStorage } from './shared/platform';
import { settingsStore } from './shared/session';
import { preloadSections } from './app/sectionModules';
import { afterFirstScreen } from './shared/activity';
import { markStoredEpisodesActive } from './shared/activity';
import { applyTheme } from './app/theme/themeChoice';
import './app/theme.css';
import './ui/nhs/nhs.scss';
import './ui/ui.css';

applyTheme();
void requestPersistentStorage();
// The log is imported here, not statically, so the database code is not in the first screen's bundle.
void markStoredEpisodesActive(() => import('./db/log').then((log) => log.openEpisodes()));
const updates = registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <SessionProvider store={settingsStore}>
      <App updates={updates} />
    </SessionProvider>
  </StrictMode>,
);

// Fetch the escalation runtime and the other sections as soon as the first
// screen is drawn (see sectionModules.ts for why never on first use).
void afterFirstScreen().then(() => preloadSections()).catch(() => undefined);
// Sync (and PouchDB) only after the first screen, and only on an enrolled tablet.
void afterFirstScreen().then(() => import('./shared/network')).then((network) => network.startNetworkIfEnrolled()).catch(() => undefined);
