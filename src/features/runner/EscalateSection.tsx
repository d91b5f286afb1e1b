// The Escalate section: the finding list (/escalate) and the running episode
// (/escalate/episode/<id>). The collapse action is on both. Store and SOP
// source are injectable so tests run the same screens on their own database.
import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../../app/SessionContext';
import { subPath, usePath } from '../../app/router';
import type { Modality } from '../../engine';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { MODALITY_LABEL } from '../settings/sessionSettings';
import { prepareAlarmSound } from './device/alarm';
import { createDbEpisodeStore } from './episode/dbEpisodeStore';
import type { EpisodeStore } from './episode/episodeStore';
import { RunnerServicesProvider } from './episode/runnerServices';
import { useEscalation } from './episode/useEscalation';
import { ModalityChooser, SopList } from './list/SopList';
import { librarySopSource, type RunnableSop, type SopSource } from './list/sopSource';
import { CollapseButton } from './screen/CollapseButton';
import { EpisodeScreen } from './screen/EpisodeScreen';
import './runner.css';

const defaultStore = createDbEpisodeStore();

export function EscalateSection({ store = defaultStore, source = librarySopSource }: { store?: EpisodeStore; source?: SopSource }) {
  const path = usePath();
  const [first, second] = subPath(path);
  const routeEpisodeId = first === 'episode' && second ? second : null;
  const { session, loaded, updateSession } = useSession();
  const modality = session.modality;
  const [sops, setSops] = useState<RunnableSop[] | null>(null);
  const [collapse, setCollapse] = useState<RunnableSop | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  // The alarm's audio device is opened while the list waits for a tap, not on the tap.
  useEffect(prepareAlarmSound, []);

  useEffect(() => {
    let live = true;
    source.collapse().then((found) => live && setCollapse(found), () => undefined);
    return () => {
      live = false;
    };
  }, [source]);

  // Loaded for every modality at once, in parallel with the session settings.
  useEffect(() => {
    let live = true;
    source.list().then(
      (found) => live && setSops(found),
      () => live && setLoadError('The SOP library could not be read on this device. Use your paper SOPs.'),
    );
    return () => {
      live = false;
    };
  }, [source]);
  const forModality = useMemo(() => (sops && modality ? sops.filter((sop) => sop.doc.modalities.includes(modality)) : null), [sops, modality]);

  const escalation = useEscalation({ store, routeEpisodeId, collapse, identity: session });
  const services = useMemo(() => ({ lookupContact: (roleId: string) => store.contact(roleId) }), [store]);
  const startCollapse = () => {
    if (collapse) void escalation.start(collapse);
  };

  if (routeEpisodeId !== null) {
    if (escalation.controller && escalation.controller.episodeId === routeEpisodeId) {
      const controller = escalation.controller;
      return (
        <RunnerServicesProvider value={services}>
          <EpisodeScreen
            controller={controller}
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
      <h1>Escalate{modality ? `: ${MODALITY_LABEL[modality]}` : ''}</h1>
      {escalation.error ? <Banner tone="error">{escalation.error}</Banner> : null}
      {loadError ? <Banner tone="error">{loadError}</Banner> : null}
      {!loaded ? (
        <p role="status">Loading…</p>
      ) : !modality ? (
        <ModalityChooser onChoose={(chosen: Modality) => void updateSession({ ...session, modality: chosen })} />
      ) : forModality === null ? (
        <p role="status">Loading SOPs…</p>
      ) : (
        <SopList sops={forModality} onStart={(sop) => void escalation.start(sop)} busy={escalation.starting} />
      )}
    </>
  );
}
