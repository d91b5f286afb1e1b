// Read-only, step-by-step replay of a stored episode: what the operator saw
// (the step from the SOP version the episode ran) and what they did, one log
// event at a time. Nothing here can write to the log.
import { useState } from 'react';
import type { EventRow } from '../../db/database';
import { Button } from '../../ui/Button';
import { describeEvent } from './labels';
import { formatClock, formatInterval } from './formatTime';
import { sopIdOf, type StepLookup, type StoredStep } from './sopSteps';

interface Props {
  events: EventRow[];
  startedAt: number;
  stepOf: StepLookup;
}

/** The step on screen at an event: its own step, or the last one named before it. */
function stepAt(events: EventRow[], index: number, stepOf: StepLookup): StoredStep | null {
  for (let i = index; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.stepId) return stepOf(event.stepId, sopIdOf(event.data));
  }
  return null;
}

export function ReplayControl({ events, startedAt, stepOf }: Props) {
  const [index, setIndex] = useState(0);
  const event = events[index];
  if (!event) return null;
  const step = stepAt(events, index, stepOf);

  return (
    <section className="log-panel log-replay" aria-labelledby="log-replay-heading">
      <h3 id="log-replay-heading">Replay (read-only)</h3>
      <p className="log-replay__position" aria-live="polite">
        Event {index + 1} of {events.length}, at {formatClock(event.at)} ({formatInterval(event.at - startedAt)})
      </p>
      <div className="log-replay__card">
        {step ? (
          <>
            <p className="log-muted">Step on screen{step.kind ? ` (${step.kind})` : ''}</p>
            <p className="log-replay__step">{step.title}</p>
            {step.text && <p>{step.text}</p>}
          </>
        ) : (
          <p className="log-muted">No step on screen yet.</p>
        )}
        <p className="log-replay__action">{describeEvent(event, stepOf)}</p>
      </div>
      <div className="log-replay__buttons">
        <Button variant="secondary" onClick={() => setIndex(0)} disabled={index === 0}>First</Button>
        <Button variant="secondary" onClick={() => setIndex(index - 1)} disabled={index === 0}>Previous step</Button>
        <Button onClick={() => setIndex(index + 1)} disabled={index === events.length - 1}>Next step</Button>
        <Button variant="secondary" onClick={() => setIndex(events.length - 1)} disabled={index === events.length - 1}>Last</Button>
      </div>
    </section>
  );
}
