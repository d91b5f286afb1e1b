// A question step: one decision per screen, each option a big numbered target;
// an option that can only end in one urgency tier says which, in words.
import { useCallback, useMemo } from 'react';
import { URGENCY_LABEL } from '../../../engine';
import { ChoiceButtons } from './ChoiceButtons';
import { StepHeading } from './StepHeading';
import { UrgencyTag } from './UrgencyTag';
import { onlyUrgencyFrom } from './reachableUrgency';
import { docOfStep } from './docOfStep';
import type { StepScreenProps } from './stepScreen';

export function QuestionScreen({ step, current, stepKey, view, send }: StepScreenProps<'question'>) {
  const doc = docOfStep(view, current);
  // From the step and its SOP only: the same when the episode moves on, so the buttons are not drawn again.
  const choices = useMemo(() => step.options.map((option) => {
    const urgency = onlyUrgencyFrom(doc, option.next);
    return {
      id: option.id,
      label: option.label,
      detail: option.notSure ? (option.detail ?? 'Choose this if you are not sure: it takes the safer way.') : option.detail,
      tag: urgency ? <UrgencyTag urgency={urgency} /> : undefined,
      tagText: urgency ? URGENCY_LABEL[urgency] : undefined,
    };
  }), [step, doc]);
  const answer = useCallback((option: string) => send({ type: 'ANSWER', option }), [send]);
  return (
    <section className="runner-step" aria-labelledby={undefined}>
      <StepHeading stepKey={stepKey} title={step.title} text={step.text} />
      <ChoiceButtons legend="Answers" choices={choices} onChoose={answer} />
    </section>
  );
}
