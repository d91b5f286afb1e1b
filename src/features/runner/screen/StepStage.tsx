// The step on show, and the screens of the steps one tap can lead to, made
// ready out of sight once the tablet is idle (laid out, but invisible, inert
// and hidden from assistive technology). When a tap's record is saved the
// chosen screen is revealed rather than built, so the next step shows sooner.
import { memo, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { CurrentStep } from '../../../engine';
import type { EpisodeView } from '../episode/episodeView';
import { qualifiedStepId, stepsAhead, type RunModel } from '../episode/runModel';
import { screenFor } from '../steps/registry';
import type { StepEventInput } from '../steps/stepScreen';
import { StepShownContext } from '../steps/stepShown';
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
  const latest = useRef(view);
  latest.current = view;
  // After the step is painted and the tablet is idle, at low priority: a tap
  // meanwhile interrupts the work instead of waiting for it.
  useEffect(() => whenIdle(() => startTransition(() => setReadyFrom(latest.current))), [view.snapshot]);
  const ready = useMemo<Slot[]>(
    () => (readyFrom ? stepsAhead(model, readyFrom.snapshot, Date.now()).map(({ key, current: step, snapshot }) => ({ key, current: step, view: { ...readyFrom, snapshot }, shown: false })) : []),
    [model, readyFrom],
  );
  const shownKey = qualifiedStepId(current);
  // Sorted by key, so a revealed screen keeps its place in the page and is never moved (moving would lay it out again).
  const slots = [{ key: shownKey, current, view, shown: true }, ...ready.filter((slot) => slot.key !== shownKey)].sort((a, b) => (a.key < b.key ? -1 : 1));
  return (
    <div className="runner-stage">
      {slots.map((slot) => (
        <StageSlot key={slot.key} slot={slot} send={send} finish={finish} />
      ))}
    </div>
  );
}

const StageSlot = memo(function StageSlot({ slot, send, finish }: { slot: Slot; send: StepStageProps['send']; finish(): void }) {
  const Screen = screenFor(slot.current.step);
  if (!Screen) return null;
  return (
    <div className={slot.shown ? 'runner-stage__slot' : 'runner-stage__slot runner-stage__slot--ready'} inert={!slot.shown} aria-hidden={slot.shown ? undefined : true}>
      <StepShownContext.Provider value={slot.shown}>
        <Screen step={slot.current.step as never} current={slot.current} stepKey={slot.key} view={slot.view} send={send} finish={finish} />
      </StepShownContext.Provider>
    </div>
  );
});
