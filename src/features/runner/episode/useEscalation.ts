// The Escalate section's state: the open episode's controller, starting one
// from the list, returning to an open one after a reload, and ending it.
// While an episode is open the app is told, so an update waits for it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { APP_VERSION } from '../../../app/appVersion';
import { setEpisodeActive } from '../../../app/episodeActivity';
import { navigate } from '../../../app/router';
import type { Modality } from '../../../engine';
import type { RunnableSop } from '../list/sopSource';
import type { EpisodeController } from './episodeController';
import type { EpisodeStore } from './episodeStore';
import { failureMessage } from './failureMessage';
import { ResumeError, resumeEpisodeRun, startEpisodeRun } from './openEpisode';

export const episodePath = (episodeId: string) => `/escalate/episode/${episodeId}`;

export interface Escalation {
  controller: EpisodeController | null;
  error: string | null;
  starting: boolean;
  start(sop: RunnableSop): Promise<void>;
  ended(): void;
}

export function useEscalation(options: {
  store: EpisodeStore;
  routeEpisodeId: string | null;
  collapse: RunnableSop | null;
  identity: { site: string; modality: Modality | null; operatorRole: string };
}): Escalation {
  const { store, routeEpisodeId, collapse, identity } = options;
  const [controller, setController] = useState<EpisodeController | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const checkedOpen = useRef(false);

  // On the list: an episode left open (reload, crash, closed tab) comes back first.
  useEffect(() => {
    if (routeEpisodeId !== null || checkedOpen.current) return;
    checkedOpen.current = true;
    let live = true;
    store.findOpen().then(
      (openId) => {
        if (live && openId) navigate(episodePath(openId), { replace: true });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [store, routeEpisodeId]);

  useEffect(() => {
    if (routeEpisodeId === null || controller?.episodeId === routeEpisodeId) return;
    let live = true;
    setError(null);
    resumeEpisodeRun(store, routeEpisodeId, { collapse: collapse?.doc, appVersion: APP_VERSION }).then(
      (resumed) => {
        if (!live) return;
        if (resumed.getView().ended === null) setEpisodeActive(true);
        setController(resumed);
      },
      (caught: unknown) => {
        if (live) setError(caught instanceof ResumeError ? caught.userMessage : failureMessage(caught));
      },
    );
    return () => {
      live = false;
    };
  }, [store, routeEpisodeId, controller, collapse]);

  const start = useCallback(
    async (sop: RunnableSop) => {
      if (!identity.modality || starting) return;
      setStarting(true);
      setError(null);
      try {
        const started = await startEpisodeRun(store, {
          doc: sop.doc, sopHash: sop.hash, collapse: collapse?.doc,
          identity: { site: identity.site, modality: identity.modality, operatorRole: identity.operatorRole },
          appVersion: APP_VERSION,
        });
        setEpisodeActive(true);
        setController(started);
        navigate(episodePath(started.episodeId));
      } catch (caught) {
        setError(failureMessage(caught));
      } finally {
        setStarting(false);
      }
    },
    [store, collapse, identity.modality, identity.site, identity.operatorRole, starting],
  );

  const ended = useCallback(() => {
    setEpisodeActive(false);
    setController(null);
    checkedOpen.current = true;
    navigate('/escalate');
  }, []);

  return { controller, error, starting, start, ended };
}
