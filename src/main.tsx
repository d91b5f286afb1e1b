// Entry point: asks for persistent storage, registers the service worker from
// its own script file, and mounts the app with the database-backed settings.
// Only the first screen is in this file's bundle; the rest loads right after.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { SessionProvider } from './app/SessionContext';
import { registerServiceWorker } from './app/platform/serviceWorker';
import { requestPersistentStorage } from './app/platform/storage';
import { settingsStore } from './app/settingsStore';
import { preloadSections } from './app/sectionModules';
import { openEpisodes } from './db/episodeReads';
import { markStoredEpisodesActive } from './app/episodeActivity';
import './app/theme.css';
import './ui/ui.css';

void requestPersistentStorage();
void markStoredEpisodesActive(() => openEpisodes());
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

// Fetch the escalation runtime and the other sections now, while the user
// reads the first screen (see sectionModules.ts for why never on first use).
window.setTimeout(() => void preloadSections().catch(() => undefined), 0);
