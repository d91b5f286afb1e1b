// An actions checklist: NHS checkboxes in big rows (those for other modalities
// are hidden), repeating ones start a reminder, and Continue (or Enter) moves on.
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
        {items.map((item) => {
          const checked = ticks[item.id] === true;
          const id = `tick-${stepKey}-${item.id}`;
          return (
            <li key={item.id} className="runner-checklist__item">
              <div className="nhsuk-checkboxes__item">
                <input
                  id={id}
                  type="checkbox"
                  className="nhsuk-checkboxes__input"
                  checked={checked}
                  aria-describedby={item.repeatMinutes ? `${id}-repeat` : undefined}
                  onChange={(event) => send({ type: 'TICK', item: item.id, checked: event.target.checked })}
                />
                <label htmlFor={id} className="nhsuk-label nhsuk-checkboxes__label runner-checklist__label">
                  {item.text}
                </label>
                {item.repeatMinutes ? <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-repeat`}>Repeat every {item.repeatMinutes} minutes — ticking starts a reminder</div> : null}
              </div>
            </li>
          );
        })}
      </ul>
      <Button size="primary" className="runner-primary" onClick={() => send({ type: 'CONTINUE' })} aria-keyshortcuts="Enter">
        Continue
      </Button>
    </section>
  );
}
