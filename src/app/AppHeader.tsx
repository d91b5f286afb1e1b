// The header a tablet user sees on every screen: what app this is, the site and
// modality in use (tap to change them in Settings), the theme switch and the
// four sections. During an episode it shrinks to one row (the step is what
// matters): the section navigation folds behind a "Sections" button and the
// theme switch stays one tap away.
import { Suspense, lazy, useState } from 'react';
import { SECTIONS, navigate, type SectionId } from '../shared/router';
import type { SessionSettings } from '../shared/session';
import { MODALITY_LABEL } from '../shared/session';
import { ThemeSwitch } from './theme/ThemeSwitch';

// The network's indicator (and the sync status store) load after the first screen, never with it.
const NetworkIndicator = lazy(() => import('./NetworkIndicator').then((module) => ({ default: module.NetworkIndicator })));

export interface AppHeaderProps {
  section: SectionId;
  session: SessionSettings;
  /** An episode is on screen: one row, navigation folded. */
  compact?: boolean;
}

export function AppHeader({ section, session, compact = false }: AppHeaderProps) {
  const [navOpen, setNavOpen] = useState(false);
  const [wasCompact, setWasCompact] = useState(compact);
  if (wasCompact !== compact) {
    setWasCompact(compact);
    setNavOpen(false);
  }
  const site = session.site.trim() || 'Site not set';
  const modality = session.modality ? MODALITY_LABEL[session.modality] : 'Modality not set';
  const navShown = !compact || navOpen;
  return (
    <header className={`app-header${compact ? ' app-header--compact' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="app-header__bar">
        <span className="app-header__name">Escalation assistant</span>
        {compact ? (
          <button type="button" className="app-header__sections" aria-expanded={navOpen} aria-controls="app-sections" onClick={() => setNavOpen(!navOpen)}>
            Sections
          </button>
        ) : (
          <a
            className="app-header__session"
            href="/settings"
            onClick={(event) => {
              event.preventDefault();
              navigate('/settings');
            }}
          >
            <span className="visually-hidden">Session: </span>
            {site} · {modality}
          </a>
        )}
        <Suspense fallback={null}>
          <NetworkIndicator />
        </Suspense>
        <ThemeSwitch />
      </div>
      <nav id="app-sections" className="app-nav" aria-label="Sections" hidden={!navShown}>
        <ul>
          {SECTIONS.map((item) => (
            <li key={item.id}>
              <a
                href={item.path}
                aria-current={item.id === section ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  setNavOpen(false);
                  navigate(item.path);
                }}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
