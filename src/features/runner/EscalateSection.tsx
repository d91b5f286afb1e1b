// The Escalate section: the finding list (/escalate) and the running episode
// (/escalate/episode/<id>). The collapse action is on both. The list is drawn
// from small listings; the steps, engine and log store come from the
// escalation runtime, loaded at start. Store and SOP source are injectable so
// tests run the same screens on their own database.
import { useEffect, useMemo, useRef, useState } from 'react';
import { markFirstScreenDrawn } from '../../shared/activity';
import { useSession } from '../../shared/session';
import { subPath, usePath } from '../../shared/router';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FocusedHeading } from '../../ui/FocusedHeading';
import { MODALITY_LABEL, type Modality } from '../../shared/session';
import { prepareAlarmSound } from '../../shared/alarm';
import type { EpisodeStore } from './episode/episodeStore';
import { RunnerServicesProvider } from './episode/runnerServices';
import { episodePath, useEscalation } from './episode/useEscalation';
import { ModalityChooser, SopList } from './list/SopList';
import type { SopSource } from './list/sopSource';
import { useEscalateLibrary } from './list/useEscalateLibrary';
import { RUNTIME_UNAVAILABLE, useEscalationRuntime } from './loadEscalationRuntime';
import { CollapseButton } from './screen/CollapseButton';

export function EscalateSection({ store, source }: { store?: EpisodeStore; source?: SopSource }) {
  const path = usePath();
  const [first, second] = subPath(path);
  const routeEpisodeId = first === 'episode' && second ? second : null;
  const { session, loaded, updateSession } = useSession();
  const modality = session.modality;
  const library = useEscalateLibrary(source);
  const { runtime, failed } = useEscalationRuntime();

  // The alarm's audio device is opened while the list waits for a tap, not on the tap.
  useEffect(prepareAlarmSound, []);

  const { find, findCollapse } = library;
  const lookups = useMemo(() => ({ find, findCollapse }), [find, findCollapse]);
  const forModality = useMemo(
    () => (library.listings && modality ? library.listings.filter((listing) => listing.modalities.includes(modality)) : null),
    [library.listings, modality],
  );

  const listShown = loaded && (modality === null || forModality !== null);
  useEffect(() => {
    if (listShown) markFirstScreenDrawn();
  }, [listShown]);

  const escalation = useEscalation({ store, routeEpisodeId, library: lookups, identity: session });
  const lookupContact = useMemo(() => {
    const storeOf = () => store ?? runtime?.defaultStore;
    return (roleId: string) => storeOf()?.contact(roleId) ?? Promise.resolve(null);
  }, [store, runtime]);
  const services = useMemo(() => ({ lookupContact }), [lookupContact]);
  const startCollapse = () => void escalation.startCollapse();
  // /escalate/collapse (the installed app's "Patient collapsed" shortcut) starts the collapse pathway at once.
  const shortcutTaken = useRef(false);
  const collapseShortcut = first === 'collapse' && loaded;
  useEffect(() => {
    if (!collapseShortcut || shortcutTaken.current) return;
    shortcutTaken.current = true;
    void escalation.startCollapse();
  }, [collapseShortcut, escalation]);
  // Back at the list after Finish or Abandon, focus goes to its heading (the step's heading has gone).
  const [lastRoute, setLastRoute] = useState(routeEpisodeId);
  const [backFromEpisode, setBackFromEpisode] = useState(false);
  if (lastRoute !== routeEpisodeId) {
    setLastRoute(routeEpisodeId);
    setBackFromEpisode(lastRoute !== null && routeEpisodeId === null);
  }

  if (routeEpisodeId !== null) {
    if (runtime && escalation.controller && escalation.controller.episodeId === routeEpisodeId) {
      const controller = escalation.controller;
      const { EpisodeScreen } = runtime;
      return (
        <RunnerServicesProvider value={services}>
          <EpisodeScreen
            controller={controller}
            path={episodePath(controller.episodeId)}
            onRestartAs={(modality) => void escalation.start(controller.model.doc.id, modality)}
            onEnded={escalation.ended}
            onCollapseElsewhere={async () => {
              await controller.finish();
              startCollapse();
            }}
          />
        </RunnerServicesProvider>
      );
    }
    return (
      <>
        <CollapseButton onCollapse={startCollapse} active={false} />
        {escalation.error ? (
          <Banner tone="error" actions={<Button onClick={escalation.ended}>Back to the list</Button>}>
            {escalation.error}
          </Banner>
        ) : (
          <p role="status">Opening the escalation…</p>
        )}
      </>
    );
  }

  return (
    <>
      <CollapseButton onCollapse={startCollapse} active={false} />
      <FocusedHeading takeFocus={backFromEpisode}>Escalate{modality ? `: ${MODALITY_LABEL[modality]}` : ''}</FocusedHeading>
      {escalation.error ? <Banner tone="error">{escalation.error}</Banner> : null}
      {library.error ? <Banner tone="error">{library.error}</Banner> : null}
      {failed ? <Banner tone="error">{RUNTIME_UNAVAILABLE}</Banner> : null}
      {!loaded ? (
        <p role="status">Loading…</p>
      ) : !modality ? (
        <ModalityChooser onChoose={(chosen: Modality) => void updateSession({ ...session, modality: chosen })} />
      ) : forModality === null ? (
        <p role="status">Loading SOPs…</p>
      ) : (
        <SopList listings={forModality} onStart={(listing) => void escalation.start(listing.sopId)} busy={escalation.starting} />
      )}
    </>
  );
}
