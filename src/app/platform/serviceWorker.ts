// Registers the service worker (from a script file, never inline, so the CSP
// can forbid inline script) and reports when a new version is waiting. The new
// version is only activated when the user accepts it; see UpdateBanner.
import { registerSW } from 'virtual:pwa-register';

export interface UpdateChannel {
  /** Resolves to the function that activates the waiting version and reloads. */
  onUpdateWaiting(listener: () => void): void;
  onOfflineReady(listener: () => void): void;
  applyUpdate(): Promise<void>;
}

export function registerServiceWorker(nav: Navigator | undefined = globalThis.navigator): UpdateChannel {
  const waiting: Array<() => void> = [];
  const ready: Array<() => void> = [];
  let apply: (reload?: boolean) => Promise<void> = async () => undefined;
  if (nav && 'serviceWorker' in nav) {
    apply = registerSW({
      immediate: true,
      onNeedRefresh: () => waiting.forEach((listener) => listener()),
      onOfflineReady: () => ready.forEach((listener) => listener()),
    });
  }
  return {
    onUpdateWaiting: (listener) => void waiting.push(listener),
    onOfflineReady: (listener) => void ready.push(listener),
    applyUpdate: () => apply(true),
  };
}
