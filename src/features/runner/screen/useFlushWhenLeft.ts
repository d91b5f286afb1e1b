// Flushes the episode's written steps to the disk when the worker leaves it:
// the page hidden (screen off, app switched, tab closing) or the episode
// screen left for another section. Until then a tap's write may sit in the
// operating system's cache for up to a few seconds (checkpointSchedule.ts).
import { useEffect } from 'react';
import type { EpisodeController } from '../episode/episodeController';

export function useFlushWhenLeft(controller: EpisodeController): void {
  useEffect(() => {
    const flushIfHidden = () => {
      if (document.visibilityState === 'hidden') controller.checkpointNow();
    };
    const flush = () => controller.checkpointNow();
    document.addEventListener('visibilitychange', flushIfHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flushIfHidden);
      window.removeEventListener('pagehide', flush);
      controller.checkpointNow();
    };
  }, [controller]);
}
