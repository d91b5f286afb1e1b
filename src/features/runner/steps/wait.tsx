// A wait step ("call back within 10 minutes"): a countdown from the stored
// deadline, the ways to end it early, and "try the next contact now" (a lone
// worker need not sit out the clock when the patient cannot wait). Running out is handled by the
// episode's timer driver, which alarms and moves on.
import { useCallback, useMemo } from 'react';
import { Button } from '../../../ui/Button';
import { Countdown } from '../timers/Countdown';
import { ChoiceButtons } from './ChoiceButtons';
import { StepHeading } from './StepHeading';
import type { StepScreenProps } from './stepScreen';

export function WaitScreen({ step, stepKey, view, send }: StepScreenProps<'wait'>) {
  const deadline = view.snapshot.context.deadline;
  const choices = useMemo(() => step.endEarly.map((option) => ({ id: option.id, label: option.label })), [step]);
  const endEarly = useCallback((option: string) => send({ type: 'END_WAIT', option }), [send]);
  return (
    <section className="runner-step">
      <StepHeading stepKey={stepKey} title={step.title} text={step.text} />
      {deadline !== null ? <Countdown deadline={deadline} minutes={step.minutes} /> : null}
      {step.endEarly.length > 0 ? (
        <ChoiceButtons
          legend="End the wait early"
          choices={choices}
          onChoose={endEarly}
        />
      ) : null}
      <Button variant="secondary" size="primary" onClick={() => send({ type: 'SKIP_WAIT' })}>
        Try the next contact now
      </Button>
    </section>
  );
}
