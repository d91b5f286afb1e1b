// An actions checklist: big tickable items (those for other modalities are
// hidden), repeating ones start a reminder, and Continue (or Enter) moves on.
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
      <ul className="runner-checklist">
        {items.map((item) => {
          const checked = ticks[item.id] === true;
          const id = `tick-${stepKey}-${item.id}`;
          return (
            <li key={item.id} className="runner-checklist__item">
              <input
                id={id}
                type="checkbox"
                className="runner-checklist__box"
                checked={checked}
                onChange={(event) => send({ type: 'TICK', item: item.id, checked: event.target.checked })}
              />
              <label htmlFor={id} className="runner-checklist__label">
                {item.text}
                {item.repeatMinutes ? <span className="runner-checklist__repeat">Repeat every {item.repeatMinutes} minutes — ticking starts a reminder</span> : null}
              </label>
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
