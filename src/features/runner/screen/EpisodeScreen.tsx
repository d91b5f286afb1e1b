// The running episode: the collapse action first, the template warning, the
// timers, then one step per screen from the registry, with Back and Abandon.
// Steps render from the controller's view, which only moves once saved.
import { useCallback, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Button } from '../../../ui/Button';
import { Banner } from '../../../ui/Banner';
import { soundAlarm, unlockAlarmSound } from '../device/alarm';
import type { EpisodeController } from '../episode/episodeController';
import { stepOf } from '../episode/runModel';
import { screenFor } from '../steps/registry';
import type { StepEventInput } from '../steps/stepScreen';
import { TimersTray, type RaisedAlarm } from '../timers/TimersTray';
import { useWaitExpiry } from '../timers/useWaitExpiry';
import { AbandonPanel } from './AbandonPanel';
import { CollapseButton } from './CollapseButton';
import { StorageErrorPanel } from './StorageErrorPanel';
import { TemplateBanner } from './TemplateBanner';
import { EpisodeTrail } from './EpisodeTrail';
import { LocalReference } from './LocalReference';
import { useScreenKeptOn } from './useScreenKeptOn';
import { StepStage } from './StepStage';
import { docOfStep } from '../steps/docOfStep';
import './EpisodeScreen.css';

/** The heading of the step on show in `episode` (screens made ready for the next tap wait in inert slots). */
function stepHeadingOnShow(episode: HTMLElement | null): HTMLElement | undefined {
  return [...(episode?.querySelectorAll<HTMLElement>('h1') ?? [])].find((heading) => !heading.closest('[inert]'));
}

export interface EpisodeScreenProps {
  controller: EpisodeController;
  /** Called once the episode is finished or abandoned and saved. */
  onEnded(status: 'completed' | 'abandoned'): void;
  /** COLLAPSE cannot enter this episode (it has ended its pathway): start the collapse SOP on its own. */
  onCollapseElsewhere(): void;
  /** Extra controls (the sandbox's path player). */
  tools?: ReactNode;
}

export function EpisodeScreen({ controller, onEnded, onCollapseElsewhere, tools }: EpisodeScreenProps) {
  const view = useSyncExternalStore(controller.subscribe, controller.getView, controller.getView);
  const [abandoning, setAbandoning] = useState(false);
  const [alarms, setAlarms] = useState<RaisedAlarm[]>([]);
  const current = stepOf(controller.model, view.snapshot);
  useScreenKeptOn(view.ended === null);

  const send = useCallback(
    (event: StepEventInput) => {
      unlockAlarmSound();
      const key = controller.currentStepId();
      if (key !== null) void controller.send({ ...event, at: Date.now() } as Parameters<EpisodeController['send']>[0], key);
    },
    [controller],
  );

  useWaitExpiry(view.snapshot.context.deadline, (deadline) => {
    const title = current?.step.title ?? 'Wait';
    soundAlarm();
    setAlarms((list) => [...list.filter((a) => a.key !== `wait-${deadline}`), { key: `wait-${deadline}`, text: `Time is up: ${title}. Moved on to the next step.` }]);
    void controller.send({ type: 'TIMER_EXPIRED', at: deadline });
  });

  const episodeElement = useRef<HTMLDivElement>(null);
  const collapse = () => {
    unlockAlarmSound();
    setAbandoning(false);
    if (controller.acceptsCollapse()) void controller.send({ type: 'COLLAPSE', at: Date.now() });
    else if (view.inCollapse) stepHeadingOnShow(episodeElement.current)?.focus();
    else onCollapseElsewhere();
  };

  const ended = useRef(onEnded);
  ended.current = onEnded;
  // Stable, so the step screens made ready out of sight are not redrawn on every change.
  const finish = useCallback(() => {
    void controller.finish().then((done) => done && ended.current('completed'));
  }, [controller]);
  const abandon = async (reason: string) => {
    if (await controller.abandon(reason)) onEnded('abandoned');
  };

  const Screen = current ? screenFor(current.step) : null;
  const blocked = view.storageError !== null && !view.inCollapse;
  const shownDoc = current ? docOfStep(view, current) : view.doc;
  return (
    <div className={`runner-episode${view.inCollapse ? ' runner-episode--collapse' : ''}`} aria-busy={view.saving} ref={episodeElement}>
      <CollapseButton onCollapse={collapse} active={view.inCollapse} />
      <EpisodeTrail view={view} />
      <div className="runner-banners">
        <TemplateBanner doc={shownDoc} />
        {!view.durable && !view.notice ? <Banner label="Sandbox">Preview only: nothing is written to the governance log.</Banner> : null}
        {view.notice ? <Banner tone="error" label="Not saved">{view.notice}</Banner> : null}
        {view.storageError !== null && !blocked ? (
          <StorageErrorPanel message={view.storageError} onRetry={() => void controller.retry()} blocking={false} />
        ) : null}
      </div>
      <TimersTray
        reminders={view.snapshot.context.reminders}
        alarms={alarms}
        onReminderDone={(item) => void controller.send({ type: 'REMINDER_DONE', item, at: Date.now() })}
        onDismissAlarm={(key) => setAlarms((list) => list.filter((alarm) => alarm.key !== key))}
      />
      {abandoning ? (
        <AbandonPanel onConfirm={(reason) => void abandon(reason)} onCancel={() => setAbandoning(false)} />
      ) : blocked ? (
        <StorageErrorPanel message={view.storageError ?? ''} onRetry={() => void controller.retry()} blocking />
      ) : current && Screen ? (
        <StepStage model={controller.model} view={view} current={current} send={send} finish={finish} />
      ) : (
        <p role="alert">This step cannot be shown. Use the collapse button if needed, or abandon and follow your local procedure on paper.</p>
      )}
      {tools}
      {view.durable ? <LocalReference current={view.localRef} onSave={(ref) => controller.addLocalRef(ref)} /> : null}
      <div className="runner-footer">
        {view.canUndo && !abandoning ? (
          <Button variant="secondary" size="primary" onClick={() => void controller.undo()}>
            Back (undo last answer)
          </Button>
        ) : null}
        {!abandoning ? (
          <Button variant="secondary" size="primary" className="runner-footer__abandon" onClick={() => setAbandoning(true)}>
            Abandon…
          </Button>
        ) : null}
      </div>
    </div>
  );
}
