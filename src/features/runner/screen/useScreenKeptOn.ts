// Holds a screen wake lock while an episode is open, and takes it again when
// the tab becomes visible (browsers drop it when a tab is hidden).
import { useEffect } from 'react';
import { keepScreenOn } from '../device/wakeLock';

export function useScreenKeptOn(active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    let release: (() => void) | null = null;
    let live = true;
    const take = () => {
      if (document.visibilityState !== 'visible') return;
      void keepScreenOn().then((done) => {
        if (live) release = done;
        else done?.();
      });
    };
    take();
    document.addEventListener('visibilitychange', take);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', take);
      release?.();
    };
  }, [active]);
}
