// The running episode: the collapse action first, the template warning, the
// timers, then one step per screen from the registry, with Back and Abandon.
// Steps render from the controller's view, which only moves once saved. In a
// collapse, once the emergency call is made, the CPR clock is offered; while
// it runs it takes the step's place until folded away (features/runner/cpr).
import { memo, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../../ui/Button';
import { Banner } from '../../../ui/Banner';
import { appAlarms, unlockAlarmSound } from '../../../shared/alarm';
import type { EpisodeController } from '../episode/episodeController';
import { stepOf } from '../episode/runModel';
import { screenFor } from '../steps/registry';
import type { StepEventInput } from '../steps/stepScreen';
import { TimersTray } from '../timers/TimersTray';
import { AmbulanceWatch } from '../timers/AmbulanceWatch';
import { episodeAlarmPrefix, useEpisodeAlarms } from '../timers/useEpisodeAlarms';
import { useWaitExpiry } from '../timers/useWaitExpiry';
import { ClockHoldContext } from '../timers/clockHold';
import { AbandonPanel } from './AbandonPanel';
import { CollapseButton } from './CollapseButton';
import { StorageErrorPanel } from './StorageErrorPanel';
import { TemplateBanner } from './TemplateBanner';
import { EpisodeTrail } from './EpisodeTrail';
import { LocalReference } from './LocalReference';
import { ObservationsPanel } from './ObservationsPanel';
import { ModalityCheck, WRONG_SCAN_REASON } from './ModalityCheck';
import type { Modality, Observations } from '../../../engine';
import { useScreenKeptOn } from './useScreenKeptOn';
import { useFlushWhenLeft } from './useFlushWhenLeft';
import { useAfterPaint } from './useAfterPaint';
import { StepStage, type StageRevealer } from './StepStage';
import { useEpisodeView } from './useEpisodeView';
import { holdClocksDuringTaps } from './tapClockHold';
import { docOfStep } from '../steps/docOfStep';
import { CprMode, cprRunning } from '../cpr/CprMode';
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
  /** The app path of this episode, for the alarm banner's "go to it" (none in the sandbox). */
  path?: string;
  /** Restarts the SOP for another scan type (offered until the first step is left). */
  onRestartAs?(modality: Modality): void;
}

export function EpisodeScreen({ controller, onEnded, onCollapseElsewhere, tools, path, onRestartAs }: EpisodeScreenProps) {
  const stage = useRef<StageRevealer>(null);
  const view = useEpisodeView(controller, stage);
  // No clock's tick is drawn in a tap's frame (tapClockHold.ts).
  const clockHold = useMemo(() => holdClocksDuringTaps(controller), [controller]);
  const [abandoning, setAbandoning] = useState(false);
  const [cprFolded, setCprFolded] = useState(false);
  const current = stepOf(controller.model, view.snapshot);
  useScreenKeptOn(view.ended === null);
  useFlushWhenLeft(controller);

  const send = useCallback(
    (event: StepEventInput) => {
      unlockAlarmSound();
      const key = controller.currentStepId();
      if (key !== null) void controller.send({ ...event, at: Date.now() } as Parameters<EpisodeController['send']>[0], key);
    },
    [controller],
  );

  useEpisodeAlarms({
    episodeId: controller.episodeId, path: path ?? '', deadline: view.snapshot.context.deadline,
    waitTitle: current?.step.kind === 'wait' ? current.step.title : 'Wait', reminders: view.snapshot.context.reminders,
    ended: view.ended !== null, keepAfterUnmount: view.durable,
  });

  useWaitExpiry(view.snapshot.context.deadline, (deadline) => {
    // The alarm goes off (if its own timer has not yet) before the wait is left and its deadline cleared.
    appAlarms.fireDue();
    void controller.send({ type: 'TIMER_EXPIRED', at: deadline });
  });

  const episodeElement = useRef<HTMLDivElement>(null);
  // The parts around the step are memoised and given stable callbacks, so a
  // tap that moves to the next step draws only what changed.
  const collapseElsewhere = useRef(onCollapseElsewhere);
  collapseElsewhere.current = onCollapseElsewhere;
  const collapse = useCallback(() => {
    unlockAlarmSound();
    setAbandoning(false);
    if (controller.acceptsCollapse()) void controller.send({ type: 'COLLAPSE', at: Date.now() });
    else if (controller.getView().inCollapse) stepHeadingOnShow(episodeElement.current)?.focus();
    else collapseElsewhere.current();
  }, [controller]);
  const retry = useCallback(() => void controller.retry(), [controller]);
  const reminderDone = useCallback((item: string) => void controller.send({ type: 'REMINDER_DONE', item, at: Date.now() }), [controller]);
  const noteObservations = useCallback((observations: Observations) => controller.noteObservations(observations), [controller]);
  const addLocalRef = useCallback((localRef: string) => controller.addLocalRef(localRef), [controller]);
  const undo = useCallback(() => void controller.undo(), [controller]);
  const startAbandoning = useCallback(() => setAbandoning(true), []);

  const ended = useRef(onEnded);
  ended.current = onEnded;
  // Stable, so the step screens made ready out of sight are not redrawn on every change.
  const finish = useCallback(() => {
    void controller.finish().then((done) => {
      if (!done) return;
      appAlarms.cancelWhere(episodeAlarmPrefix(controller.episodeId));
      ended.current('completed');
    });
  }, [controller]);
  const abandon = async (reason: string) => {
    if (!(await controller.abandon(reason))) return;
    appAlarms.cancelWhere(episodeAlarmPrefix(controller.episodeId));
    onEnded('abandoned');
  };

  const Screen = current ? screenFor(current.step) : null;
  // The parts around the step follow it one frame later, so a tap's frame carries the step alone (useAfterPaint.ts).
  // The ambulance watch, which keeps its own alarm, stays on the live view.
  const around = useAfterPaint(view);
  // Only automatic modality routing has happened so far: the worker has not yet left a step.
  const atFirstShownStep = around.snapshot.context.moves.every((move) => around.doc.steps.find((s) => s.id === move.stepId)?.kind === 'modality');
  const blocked = view.storageError !== null && !view.inCollapse;
  const shownDoc = current ? docOfStep(view, current) : view.doc;
  // The running CPR clock takes the step's place (the steps are one tap away: "Show the steps").
  const cprOpen = view.ended === null && cprRunning(view.cpr) && !cprFolded;
  return (
    <ClockHoldContext.Provider value={clockHold}>
      <div className={`runner-episode${view.inCollapse ? ' runner-episode--collapse' : ''}`} aria-busy={view.saving} ref={episodeElement}>
        <CollapseButton onCollapse={collapse} active={view.inCollapse} />
        <EpisodeTrail view={around} />
        <div className="runner-banners">
          <TemplateBanner doc={shownDoc} />
          {!view.durable && !view.notice ? <Banner label="Sandbox">Preview only: nothing is written to the governance log.</Banner> : null}
          {view.notice ? <Banner tone="error" label="Not saved">{view.notice}</Banner> : null}
          {view.storageError !== null && !blocked ? (
            <StorageErrorPanel message={view.storageError} onRetry={retry} blocking={false} />
          ) : null}
        </div>
        <TimersTray reminders={around.snapshot.context.reminders} onReminderDone={reminderDone} />
        <AmbulanceWatch
          episodeId={controller.episodeId} path={path ?? ''} context={view.snapshot.context} doc={view.doc} collapse={view.collapse}
          note={view.ambulance} ended={view.ended !== null} onNote={(kind) => void controller.noteAmbulance(kind)}
        />
        {!abandoning && view.ended === null && (view.inCollapse || view.cpr.length > 0) ? (
          <CprMode controller={controller} view={view} path={path ?? ''} folded={cprFolded} onFold={setCprFolded} />
        ) : null}
        {abandoning ? (
          <AbandonPanel onConfirm={(reason) => void abandon(reason)} onCancel={() => setAbandoning(false)} />
        ) : cprOpen ? null : blocked ? (
          <StorageErrorPanel message={view.storageError ?? ''} onRetry={retry} blocking />
        ) : current && Screen ? (
          <StepStage model={controller.model} view={view} current={current} send={send} finish={finish} revealer={stage} />
        ) : (
          <p role="alert">This step cannot be shown. Use the collapse button if needed, or abandon and follow your local procedure on paper.</p>
        )}
        {/* Below the decision: the trail above names the scan type, and the decision keeps its place above the fold. */}
        {onRestartAs && atFirstShownStep && !around.inCollapse && view.ended === null ? (
          <ModalityCheck
            modality={view.snapshot.context.modality}
            offered={view.doc.modalities}
            onChange={(modality) => {
              void controller.abandon(WRONG_SCAN_REASON).then((done) => {
                if (!done) return;
                appAlarms.cancelWhere(episodeAlarmPrefix(controller.episodeId));
                onRestartAs(modality);
              });
            }}
          />
        ) : null}
        {tools}
        {view.ended === null && !cprOpen ? <ObservationsPanel current={view.observations} onSave={noteObservations} /> : null}
        {view.durable ? <LocalReference current={view.localRef} onSave={addLocalRef} /> : null}
        <EpisodeFooter canUndo={around.canUndo && !abandoning} canAbandon={!abandoning} onUndo={undo} onAbandon={startAbandoning} />
      </div>
    </ClockHoldContext.Provider>
  );
}

const EpisodeFooter = memo(function EpisodeFooter({ canUndo, canAbandon, onUndo, onAbandon }: { canUndo: boolean; canAbandon: boolean; onUndo(): void; onAbandon(): void }) {
  return (
    <div className="runner-footer">
      {canUndo ? (
        <Button variant="secondary" size="primary" onClick={onUndo}>
          Back (undo last answer)
        </Button>
      ) : null}
      {canAbandon ? (
        <Button variant="secondary" size="primary" className="runner-footer__abandon" onClick={onAbandon}>
          Abandon…
        </Button>
      ) : null}
    </div>
  );
});
