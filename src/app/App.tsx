// The app shell: header, update banner and the current section. Every section
// is bundled up front (no lazy chunks on the escalation path), so an app update
// can never leave a running page needing a file the new service worker deleted.
import { useEffect, useRef, type ComponentType } from 'react';
import { AppHeader } from './AppHeader';
import { UpdateBanner } from './UpdateBanner';
import { useSession } from './SessionContext';
import { sectionOf, usePath, type SectionId } from './router';
import type { UpdateChannel } from './platform/serviceWorker';
import { SettingsSection } from '../features/settings/SettingsSection';
import { EscalateSection } from '../features/runner/EscalateSection';
import { LogSection } from '../features/log/LogSection';
import { AuthorSection } from '../features/author/AuthorSection';
import './app.css';

const SECTION_VIEWS: Record<SectionId, ComponentType> = {
  escalate: EscalateSection,
  log: LogSection,
  author: AuthorSection,
  settings: SettingsSection,
};

export function App({ updates }: { updates: UpdateChannel }) {
  const path = usePath();
  const section = sectionOf(path);
  const { session } = useSession();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Moving between sections puts focus on the new content, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [section]);

  const View = SECTION_VIEWS[section];
  return (
    <>
      <AppHeader section={section} session={session} />
      <div className="app-banners">
        <UpdateBanner channel={updates} />
      </div>
      <main id="main" className="app-main" tabIndex={-1} ref={main}>
        <View />
      </main>
    </>
  );
}
