// The step on show, and the screens of the steps one tap can lead to, made
// ready out of sight once the tablet is idle (laid out, but invisible, inert
// and hidden from assistive technology). When a tap's record is saved the
// chosen screen is revealed as it was made ready, not redrawn: only its frame
// changes before the paint. Just after the paint it is redrawn from the saved
// episode and the step just left is removed, work the next tap never waits on.
import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CurrentStep } from '../../../engine';
import type { EpisodeView } from '../episode/episodeView';
import { qualifiedStepId, stepsAhead, type RunModel } from '../episode/runModel';
import { screenFor } from '../steps/registry';
import type { StepEventInput } from '../steps/stepScreen';
import { StepShownContext } from '../steps/stepShown';
import { afterPaint } from '../steps/afterPaint';
import { whenIdle } from './whenIdle';
import './StepStage.css';

interface Slot {
  key: string;
  current: CurrentStep;
  view: EpisodeView;
  shown: boolean;
}

export interface StepStageProps {
  model: RunModel;
  view: EpisodeView;
  current: CurrentStep;
  send(event: StepEventInput): void;
  finish(): void;
}

export function StepStage({ model, view, current, send, finish }: StepStageProps) {
  const [readyFrom, setReadyFrom] = useState<EpisodeView | null>(null);
  // The view the screen on show was last drawn from; until a new view is
  // settled, a screen made ready for its step may stand in (see above).
  const [settled, setSettled] = useState(view);
  const latest = useRef(view);
  latest.current = view;
  // After the step is painted and the tablet is idle, at low priority: a tap
  // meanwhile interrupts the work instead of waiting for it.
  useEffect(() => whenIdle(() => startTransition(() => setReadyFrom(latest.current))), [view]);
  useEffect(() => (settled === view ? undefined : afterPaint(() => setSettled(view))), [view, settled]);
  const ready = useMemo<Slot[]>(
    () => (readyFrom ? stepsAhead(model, readyFrom.snapshot, Date.now()).map(({ key, current: step, snapshot }) => ({ key, current: step, view: { ...readyFrom, snapshot }, shown: false })) : []),
    [model, readyFrom],
  );
  const shownKey = qualifiedStepId(current);
  // A stand-in only when its screen was made ready from the very view just
  // settled (so nothing but the move differs: a tap before the tablet was
  // idle, new observations, an undo or a collapse are drawn afresh), and only
  // for a screen that shows no time counted from the tap.
  const standIn = view !== settled && view.snapshot !== settled.snapshot && readyFrom === settled
    ? ready.find((slot) => slot.key === shownKey && !DRAWN_AFRESH.has(slot.current.step.kind))
    : undefined;
  const onShow: Slot = standIn ? { ...standIn, shown: true } : { key: shownKey, current, view, shown: true };
  const lastShown = useRef<Slot | null>(null);
  useLayoutEffect(() => {
    lastShown.current = onShow;
  });
  // Until the paint, the step just left is hidden as it was drawn rather than removed.
  const left = lastShown.current;
  const hidden = standIn && left && left.key !== shownKey && !ready.some((slot) => slot.key === left.key) ? [{ ...left, shown: false }] : [];
  // Sorted by key, so a revealed screen keeps its place in the page and is never moved (moving would lay it out again).
  const slots = [onShow, ...hidden, ...ready.filter((slot) => slot.key !== shownKey)].sort((a, b) => (a.key < b.key ? -1 : 1));
  return (
    <div className="runner-stage">
      {slots.map((slot) => (
        <StageSlot key={slot.key} shown={slot.shown}>
          <SlotScreen current={slot.current} stepKey={slot.key} view={slot.view} send={send} finish={finish} />
        </StageSlot>
      ))}
    </div>
  );
}

/**
 * Kinds whose screen shows times counted from the tap that opened it (a wait's
 * countdown, the outcome's timeline): made ready before the tap, they would
 * show those times early, so they are drawn from the saved episode.
 */
const DRAWN_AFRESH = new Set<string>(['wait', 'outcome']);

/** A slot's frame: on show, or ready out of sight. Changing it leaves the screen inside untouched. */
function StageSlot({ shown, children }: { shown: boolean; children: ReactNode }) {
  return (
    <div className={shown ? 'runner-stage__slot' : 'runner-stage__slot runner-stage__slot--ready'} inert={!shown} aria-hidden={shown ? undefined : true}>
      <StepShownContext.Provider value={shown}>{children}</StepShownContext.Provider>
    </div>
  );
}

interface SlotScreenProps {
  current: CurrentStep;
  stepKey: string;
  view: EpisodeView;
  send: StepStageProps['send'];
  finish(): void;
}

// Memoised on its props, so a screen revealed or hidden is not redrawn.
const SlotScreen = memo(function SlotScreen({ current, stepKey, view, send, finish }: SlotScreenProps) {
  const Screen = screenFor(current.step);
  if (!Screen) return null;
  return <Screen step={current.step as never} current={current} stepKey={stepKey} view={view} send={send} finish={finish} />;
});
