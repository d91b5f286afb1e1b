// The step on show, and the screens of the steps one tap can lead to, made
// ready out of sight once the tablet is idle (laid out, but invisible, inert
// and hidden from assistive technology). When a tap's record is saved the
// chosen screen is revealed rather than built, so the next step shows sooner,
// and the step just left is put out of sight rather than taken down: taking
// its page apart waits until the tablet is idle after the next step is painted.
// Where the screen made ready is exactly the one the saved tap leads to, the
// reveal is made in the page at once and React draws it after the paint
// (`StageRevealer`, used by useEpisodeView).
import { memo, startTransition, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { CurrentStep, SopEvent } from '../../../engine';
import type { EpisodeView } from '../episode/episodeView';
import { qualifiedStepId, sameTap, stepOf, stepsAhead, type RunModel } from '../episode/runModel';
import { drawnBeforeTheTap, screenFor } from '../steps/registry';
import type { StepEventInput } from '../steps/stepScreen';
import { StepShownContext } from '../steps/stepShown';
import { whenIdle } from './whenIdle';
import { revealInPage, slotAttributes } from './stageSlots';
import './StepStage.css';

interface Slot {
  key: string;
  current: CurrentStep;
  view: EpisodeView;
  shown: boolean;
  /** The step just left, out of sight until it is taken down. */
  left?: boolean;
  /** A screen made ready: the tap it was made ready for. */
  via?: SopEvent;
}

export interface StageRevealer {
  /**
   * Reveals in the page, at once, the screen made ready for the move from
   * `drawn` (the view last drawn) to `next`, when it is exactly the screen
   * React would draw for `next`: made ready from `drawn`, for the same tap,
   * for a step whose screen draws nothing from the tap's time. False, with
   * nothing changed, otherwise.
   */
  reveal(drawn: EpisodeView, next: EpisodeView): boolean;
}

export interface StepStageProps {
  model: RunModel;
  view: EpisodeView;
  current: CurrentStep;
  send(event: StepEventInput): void;
  finish(): void;
  revealer?: Ref<StageRevealer>;
}

export function StepStage({ model, view, current, send, finish, revealer }: StepStageProps) {
  const [readyFrom, setReadyFrom] = useState<EpisodeView | null>(null);
  const latest = useRef(view);
  latest.current = view;
  // After the step is painted and the tablet is idle, at low priority: a tap
  // meanwhile interrupts the work instead of waiting for it.
  useEffect(() => whenIdle(() => startTransition(() => setReadyFrom(latest.current))), [view.snapshot]);
  const ready = useMemo<Slot[]>(
    () => (readyFrom ? stepsAhead(model, readyFrom.snapshot, Date.now()).map(({ key, current: step, snapshot, via }) => ({ key, current: step, view: { ...readyFrom, snapshot }, shown: false, via })) : []),
    [model, readyFrom],
  );
  const onShow: Slot = { key: qualifiedStepId(current), current, view, shown: true };
  const left = useLeftStep(onShow);
  const kept = ready.filter((slot) => slot.key !== onShow.key);
  const leaving = left && left.key !== onShow.key && !kept.some((slot) => slot.key === left.key) ? [left] : [];
  // Sorted by key, so a revealed screen keeps its place in the page and is never moved (moving would lay it out again).
  const slots = [onShow, ...kept, ...leaving].sort((a, b) => (a.key < b.key ? -1 : 1));
  const stage = useRef<HTMLDivElement>(null);
  useImperativeHandle(revealer, () => ({
    reveal(drawn, next) {
      if (readyFrom !== drawn || next.move === null || next.move.from !== drawn.snapshot) return false;
      const to = stepOf(model, next.snapshot);
      const slot = to && ready.find((candidate) => candidate.key === qualifiedStepId(to));
      if (!to || !slot?.via || !sameTap(slot.via, next.move.event) || !drawnBeforeTheTap(to.step)) return false;
      return revealInPage(stage.current, slot.key);
    },
  }), [model, readyFrom, ready]);
  return (
    <div className="runner-stage" ref={stage}>
      {slots.map((slot) => (
        <StageSlot key={slot.key} slot={slot} send={send} finish={finish} />
      ))}
    </div>
  );
}

/**
 * The slot last on show, once another step is: rendered as it last was (so
 * its screen is not drawn again) until the tablet is idle after the new step
 * is painted, then taken down at low priority.
 */
function useLeftStep(onShow: Slot): Slot | null {
  const committed = useRef<Slot | null>(null);
  // `from` is the slot as it was last on show: a step left again later (after Back) is a new leaving.
  const [left, setLeft] = useState<{ slot: Slot; from: Slot } | null>(null);
  const previous = committed.current;
  if (previous && previous.key !== onShow.key && left?.from !== previous) setLeft({ slot: { ...previous, shown: false, left: true }, from: previous });
  useEffect(() => {
    committed.current = onShow;
  });
  useEffect(() => (left ? whenIdle(() => startTransition(() => setLeft(null))) : undefined), [left]);
  return left?.slot ?? null;
}

const slotState = (slot: Slot) => (slot.shown ? 'shown' : slot.left ? 'left' : 'ready');

const StageSlot = memo(function StageSlot({ slot, send, finish }: { slot: Slot; send: StepStageProps['send']; finish(): void }) {
  return (
    <div {...slotAttributes(slotState(slot))} data-step-key={slot.key}>
      <StepShownContext.Provider value={slot.shown}>
        <SlotScreen current={slot.current} stepKey={slot.key} view={slot.view} send={send} finish={finish} />
      </StepShownContext.Provider>
    </div>
  );
});

// Apart from its slot, so a screen put out of sight (or revealed) with the same step and view is not drawn again.
const SlotScreen = memo(function SlotScreen({ current, stepKey, view, send, finish }: { current: CurrentStep; stepKey: string; view: EpisodeView; send: StepStageProps['send']; finish(): void }) {
  const Screen = screenFor(current.step);
  if (!Screen) return null;
  return <Screen step={current.step as never} current={current} stepKey={stepKey} view={view} send={send} finish={finish} />;
});
