// The header a tablet user sees on every screen: what app this is, the site and
// modality in use (tap to change them in Settings) and the four sections.
import { SECTIONS, navigate, type SectionId } from '../shared/router';
import type { SessionSettings } from '../shared/session';
import { MODALITY_LABEL } from '../shared/session';
import { Suspense, lazy } from 'react';

// The network's indicator (and the sync status store) load after the first screen, never with it.
const NetworkIndicator = lazy(() => import('./NetworkIndicator').then((module) => ({ default: module.NetworkIndicator })));

export interface AppHeaderProps {
  section: SectionId;
  session: SessionSettings;
}

export function AppHeader({ section, session }: AppHeaderProps) {
  const site = session.site.trim() || 'Site not set';
  const modality = session.modality ? MODALITY_LABEL[session.modality] : 'Modality not set';
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="app-header__bar">
        <span className="app-header__name">Escalation assistant</span>
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
        <Suspense fallback={null}>
          <NetworkIndicator />
        </Suspense>
      </div>
      <nav className="app-nav" aria-label="Sections">
        <ul>
          {SECTIONS.map((item) => (
            <li key={item.id}>
              <a
                href={item.path}
                aria-current={item.id === section ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
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
