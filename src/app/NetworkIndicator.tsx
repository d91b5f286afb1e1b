// The header's quiet word on sync: shown only on an enrolled tablet, a few
// words and a shape (never colour alone), a link to Settings → Network.
// Loaded lazily by the header, with the sync status store.
import { indicatorWords, useNetworkStatus } from '../shared/network';
import { navigate } from '../shared/router';
import { useNetworkSessionDefaults } from './useNetworkSessionDefaults';

const SYMBOL = { ok: '✓', busy: '↻', warning: '!', error: '✕' } as const;

export function NetworkIndicator() {
  // Mounted on every screen, so it is also where session defaults from the network are taken in.
  useNetworkSessionDefaults();
  const words = indicatorWords(useNetworkStatus());
  if (!words) return null;
  return (
    <a
      className={`app-header__network app-header__network--${words.tone}`}
      href="/settings#network"
      onClick={(event) => {
        event.preventDefault();
        navigate('/settings');
      }}
    >
      <span aria-hidden="true" className="app-header__network-symbol">{SYMBOL[words.tone]}</span>
      <span className="visually-hidden">Network sync: </span>
      {words.text}
    </a>
  );
}
