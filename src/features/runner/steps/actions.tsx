// An actions checklist: NHS checkboxes in big rows (those for other modalities
// are hidden), repeating ones start a reminder, and Continue (or Enter) moves on.
import { memo } from 'react';
import { Button } from '../../../ui/Button';
import { StepHeading } from './StepHeading';
import { useKeyChoice } from './useKeyChoice';
import type { StepScreenProps } from './stepScreen';
import './actions.css';

export function ActionsScreen({ step, stepKey, view, send }: StepScreenProps<'actions'>) {
  const modality = view.identity.modality;
  const items = step.items.filter((item) => !item.modalities || item.modalities.includes(modality));
  const ticks = view.snapshot.context.ticks[stepKey] ?? {};
  useKeyChoice({ confirm: () => send({ type: 'CONTINUE' }) });
  return (
    <section className="runner-step">
      <StepHeading stepKey={stepKey} title={step.title} text={step.text} />
      {/* nhsuk-frontend's checkboxes, written out: the tap path gets classes, not components. */}
      <ul className="runner-checklist nhsuk-checkboxes">
        {items.map((item) => (
          <ChecklistRow key={item.id} id={`tick-${stepKey}-${item.id}`} item={item.id} text={item.text} repeatMinutes={item.repeatMinutes} checked={ticks[item.id] === true} send={send} />
        ))}
      </ul>
      <Button size="primary" className="runner-primary" onClick={() => send({ type: 'CONTINUE' })} aria-keyshortcuts="Enter">
        Continue
      </Button>
    </section>
  );
}

interface ChecklistRowProps {
  id: string;
  item: string;
  text: string;
  repeatMinutes?: number;
  checked: boolean;
  send: StepScreenProps<'actions'>['send'];
}

// Drawn again only when its own tick or wording changes. React 19 re-applies an
// input's name and type on every render of it (clearing the name first), so a
// checklist drawn again on each tap (the screen revealed, or put out of sight)
// cost a dozen attribute changes, and their restyle, on the tap's path.
const ChecklistRow = memo(function ChecklistRow({ id, item, text, repeatMinutes, checked, send }: ChecklistRowProps) {
  return (
    <li className="runner-checklist__item">
      <div className="nhsuk-checkboxes__item">
        <input
          id={id}
          type="checkbox"
          className="nhsuk-checkboxes__input"
          checked={checked}
          aria-describedby={repeatMinutes ? `${id}-repeat` : undefined}
          onChange={(event) => send({ type: 'TICK', item, checked: event.target.checked })}
        />
        <label htmlFor={id} className="nhsuk-label nhsuk-checkboxes__label runner-checklist__label">
          {text}
        </label>
        {repeatMinutes ? <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-repeat`}>Repeat every {repeatMinutes} minutes — ticking starts a reminder</div> : null}
      </div>
    </li>
  );
});
