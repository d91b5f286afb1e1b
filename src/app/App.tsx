// The app shell: header, update banner and the current section. The Escalate
// list is in the first-screen bundle; everything else is split off but loaded
// at start (see sectionModules), never on first use.
import { useEffect, useRef, type ComponentType } from 'react';
import { AlarmBanner } from './AlarmBanner';
import { AppHeader } from './AppHeader';
import { UpdateBanner } from './UpdateBanner';
import { useSession } from '../shared/session';
import { sectionOf, usePath, type SectionId } from '../shared/router';
import type { UpdateChannel } from './platform/serviceWorker';
import { EscalateSection, LazyAuthorSection, LazyLogSection, LazySettingsSection } from './sectionModules';
import { SectionBoundary } from './SectionBoundary';
import './app.css';

const SECTION_VIEWS: Record<SectionId, ComponentType> = {
  escalate: EscalateSection,
  log: LazyLogSection,
  author: LazyAuthorSection,
  settings: LazySettingsSection,
};

/** The running episode's address: the header folds its navigation there. */
const EPISODE_PATH = '/escalate/episode/';

const SECTION_NAMES: Record<SectionId, string> = { escalate: 'Escalate', log: 'Log', author: 'Author', settings: 'Settings' };

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
    // A page that put focus on its own heading keeps it.
    if (!main.current?.contains(document.activeElement)) main.current?.focus();
  }, [section]);

  const View = SECTION_VIEWS[section];
  return (
    <>
      <AppHeader section={section} session={session} compact={section === 'escalate' && path.startsWith(EPISODE_PATH)} />
      <AlarmBanner />
      <div className="app-banners">
        <UpdateBanner channel={updates} />
      </div>
      <main id="main" className="app-main" tabIndex={-1} ref={main}>
        <SectionBoundary key={section} name={SECTION_NAMES[section]}>
          <View />
        </SectionBoundary>
      </main>
    </>
  );
}
