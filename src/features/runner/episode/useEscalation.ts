// The Escalate section's state: the open episode's controller, starting one
// from the list, returning to an open one after a reload, and ending it.
// While an episode is open the app is told, so an update waits for it. The
// heavy parts (engine, store) come from the escalation runtime, loaded at start;
// the log is read through a dynamic import, so neither is in the first screen's bundle.
import { useCallback, useEffect, useRef, useState } from 'react';
import { APP_VERSION } from '../../../shared/release';
import { setEpisodeActive } from '../../../shared/activity';
import { navigate } from '../../../shared/router';
import type { Modality } from '../../../engine';
import type { RunnableSop } from '../list/sopSource';
import { loadEscalationRuntime, RUNTIME_UNAVAILABLE, type EscalationRuntime } from '../loadEscalationRuntime';
import type { EpisodeController } from './episodeController';
import type { EpisodeStore } from './episodeStore';

export const episodePath = (episodeId: string) => `/escalate/episode/${episodeId}`;

export interface Escalation {
  controller: EpisodeController | null;
  error: string | null;
  starting: boolean;
  /** Starts the validated SOP for a listing, with the collapse pathway embedded (for another scan type than the tablet's when given). */
  start(sopId: string, modality?: Modality): Promise<void>;
  /** Starts the collapse pathway on its own (from the list, or after an episode has ended its own). */
  startCollapse(): Promise<void>;
  ended(): void;
}

const storeOf = (store: EpisodeStore | undefined, runtime: EscalationRuntime) => store ?? runtime.defaultStore;

export function useEscalation(options: {
  /** Replaces the app's log store (tests, the sandbox). */
  store: EpisodeStore | undefined;
  routeEpisodeId: string | null;
  library: { find(sopId: string): Promise<RunnableSop | null>; findCollapse(): Promise<RunnableSop | null> };
  identity: { site: string; modality: Modality | null; operatorRole: string };
}): Escalation {
  const { store, routeEpisodeId, library, identity } = options;
  const [controller, setController] = useState<EpisodeController | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const checkedOpen = useRef(false);

  // On the list: an episode left open (reload, crash, closed tab) comes back first.
  useEffect(() => {
    if (routeEpisodeId !== null || checkedOpen.current) return;
    checkedOpen.current = true;
    let live = true;
    // Read straight from the log (no runtime needed) so the check never waits for it.
    (store ? store.findOpen() : import('../../../db/log').then((log) => log.latestOpenEpisodeId())).then(
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
    loadEscalationRuntime().then(async (runtime) => {
      try {
        const collapse = await library.findCollapse().catch(() => null);
        const resumed = await runtime.resumeEpisodeRun(storeOf(store, runtime), routeEpisodeId, { collapse: collapse?.doc, appVersion: APP_VERSION });
        if (!live) return;
        if (resumed.getView().ended === null) setEpisodeActive(true);
        setController(resumed);
      } catch (caught) {
        if (live) setError(caught instanceof runtime.ResumeError ? caught.userMessage : runtime.failureMessage(caught));
      }
    }, () => live && setError(RUNTIME_UNAVAILABLE));
    return () => {
      live = false;
    };
  }, [store, routeEpisodeId, controller, library]);

  const begin = useCallback(
    async (lookup: () => Promise<RunnableSop | null>, modalityOverride?: Modality) => {
      const modality = modalityOverride ?? identity.modality;
      if (!modality || starting) return;
      setStarting(true);
      setError(null);
      let runtime: EscalationRuntime | null = null;
      try {
        const [loaded, sop, collapse] = await Promise.all([
          loadEscalationRuntime().catch(() => null), lookup().catch(() => null), library.findCollapse().catch(() => null),
        ]);
        runtime = loaded;
        if (!runtime) {
          setError(RUNTIME_UNAVAILABLE);
          return;
        }
        if (!sop) {
          setError('That SOP could not be read from the library on this device. Use your paper SOPs.');
          return;
        }
        const started = await runtime.startEpisodeRun(storeOf(store, runtime), {
          doc: sop.doc, sopHash: sop.hash, collapse: collapse?.doc,
          identity: { site: identity.site, modality, operatorRole: identity.operatorRole },
          appVersion: APP_VERSION,
        });
        setEpisodeActive(true);
        setController(started);
        navigate(episodePath(started.episodeId));
      } catch (caught) {
        setError(runtime ? runtime.failureMessage(caught) : RUNTIME_UNAVAILABLE);
      } finally {
        setStarting(false);
      }
    },
    [store, library, identity.modality, identity.site, identity.operatorRole, starting],
  );

  const start = useCallback((sopId: string, modality?: Modality) => begin(() => library.find(sopId), modality), [begin, library]);
  const startCollapse = useCallback(() => begin(() => library.findCollapse()), [begin, library]);

  const ended = useCallback(() => {
    setEpisodeActive(false);
    setController(null);
    checkedOpen.current = true;
    navigate('/escalate');
  }, []);

  return { controller, error, starting, start, startCollapse, ended };
}
