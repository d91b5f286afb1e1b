// Entry point: asks for persistent storage, registers the service worker from
// its own script file, and mounts the app with the database-backed settings.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { SessionProvider } from './app/SessionContext';
import { registerServiceWorker } from './app/platform/serviceWorker';
import { requestPersistentStorage } from './app/platform/storage';
import { settingsStore } from './app/settingsStore';
import { preloadSections } from './app/sectionModules';
import { registerBuiltInSops } from './db/library';
import { openEpisodes } from './db';
import { markStoredEpisodesActive } from './app/episodeActivity';
import { builtInSops, collapseSop } from './sops';
import './app/theme.css';
import './ui/ui.css';

registerBuiltInSops([...builtInSops, collapseSop]);
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

// Fetch the split sections now, while the user reads the first screen.
window.setTimeout(() => void preloadSections().catch(() => undefined), 0);
