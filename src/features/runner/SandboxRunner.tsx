// The real step screens on an in-memory episode, for the author's preview and
// path player: nothing is written to the governance log. `path` (from
// enumeratePaths) can be played one step at a time.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { APP_VERSION } from '../../shared/release';
import { hashSop, type Modality, type SopDocument, type SopEvent } from '../../engine';
import { Button } from '../../ui/Button';
import type { EpisodeController } from './episode/episodeController';
import type { SandboxPathStep, SandboxRunnerProps } from '../../shared/sandbox';
import { createMemoryEpisodeStore } from './episode/memoryEpisodeStore';
import { startEpisodeRun } from './episode/openEpisode';
import { RunnerServicesProvider } from './episode/runnerServices';
import { stepOf } from './episode/runModel';
import { EpisodeScreen } from './screen/EpisodeScreen';

export type { SandboxPathStep, SandboxRunnerProps } from '../../shared/sandbox';

/** The event that takes `via` out of the current step, or null if there is none. */
export function pathEvent(controller: EpisodeController, via: string | null): SopEvent | null {
  const view = controller.getView();
  const current = stepOf(controller.model, view.snapshot);
  if (!current) return null;
  const at = Date.now();
  const kind = current.step.kind;
  if (kind === 'question' && via) return { type: 'ANSWER', option: via, at };
  if (kind === 'contact' && via) return { type: 'CONTACT', outcome: via, at };
  if (kind === 'actions') return { type: 'CONTINUE', at };
  if (kind === 'wait' && via === 'onExpire') return { type: 'TIMER_EXPIRED', at: view.snapshot.context.deadline ?? at };
  if (kind === 'wait' && via) return { type: 'END_WAIT', option: via, at };
  return null;
}

function PathPlayer({ controller, path }: { controller: EpisodeController; path: readonly SandboxPathStep[] }) {
  const view = useSyncExternalStore(controller.subscribe, controller.getView, controller.getView);
  const current = stepOf(controller.model, view.snapshot);
  const played = view.snapshot.context.moves.length;
  const next = path[played];
  const onPath = !!current && !!next && next.stepId === current.stepId;
  if (!current || current.step.kind === 'outcome') return <p role="status">End of the path.</p>;
  return (
    <div className="panel">
      <Button
        disabled={!onPath}
        onClick={() => {
          const event = next ? pathEvent(controller, next.via) : null;
          if (event) void controller.send(event);
        }}
      >
        Play next step of the path
      </Button>
      {!onPath ? <p>This screen is off the chosen path (an answer differed). Restart to play it again.</p> : null}
    </div>
  );
}

export function SandboxRunner({ doc, modality, path, collapse, directory }: SandboxRunnerProps) {
  const [controller, setController] = useState<EpisodeController | null>(null);
  const [ended, setEnded] = useState(false);
  const [round, setRound] = useState(0);
  const store = useMemo(() => createMemoryEpisodeStore(directory), [directory]);
  const services = useMemo(() => ({ lookupContact: (roleId: string) => store.contact(roleId) }), [store]);

  useEffect(() => {
    let live = true;
    setController(null);
    setEnded(false);
    void hashSop(doc)
      .then((sopHash) => startEpisodeRun(store, { doc, sopHash, collapse, identity: { site: '', modality, operatorRole: '' }, appVersion: APP_VERSION }))
      .then((started) => live && setController(started));
    return () => {
      live = false;
    };
  }, [doc, modality, collapse, store, round]);

  const restart = <Button variant="secondary" onClick={() => setRound((n) => n + 1)}>Restart preview</Button>;
  if (!controller) return <p role="status">Starting the preview…</p>;
  if (ended) return <div className="panel"><p>Preview finished. Nothing was written to the log.</p>{restart}</div>;
  return (
    <RunnerServicesProvider value={services}>
      <EpisodeScreen
        controller={controller}
        onEnded={() => setEnded(true)}
        onCollapseElsewhere={() => undefined}
        tools={<>{path ? <PathPlayer controller={controller} path={path} /> : null}{restart}</>}
      />
    </RunnerServicesProvider>
  );
}
