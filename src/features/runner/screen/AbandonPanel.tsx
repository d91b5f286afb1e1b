// Abandoning asks why, so the governance log says what happened. It is not a
// modal: the collapse button stays reachable while it is open.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../ui/Button';
import './AbandonPanel.css';

export const ABANDON_REASONS = ['Patient left', 'Finding not confirmed', 'Handled another way', 'Started in error'] as const;

export function AbandonPanel({ onConfirm, onCancel }: { onConfirm(reason: string): void; onCancel(): void }) {
  const [choice, setChoice] = useState<string>('');
  const [other, setOther] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const reason = choice === 'other' ? other.trim() : choice;
  return (
    <section className="runner-abandon panel" role="dialog" aria-labelledby="abandon-title" data-keys-off>
      <h1 id="abandon-title" tabIndex={-1} ref={heading}>
        Abandon this escalation?
      </h1>
      <p>The steps so far stay in the log. Choose why it is being stopped.</p>
      {/* nhsuk-frontend's radios, written out: the runner gets classes, not components. */}
      <fieldset className="nhsuk-fieldset runner-abandon__reasons">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Reason</legend>
        <div className="nhsuk-radios">
          {[...ABANDON_REASONS, 'other'].map((item) => (
            <div key={item} className="nhsuk-radios__item">
              <input className="nhsuk-radios__input" id={`abandon-reason-${item}`} type="radio" name="abandon-reason" value={item} checked={choice === item} onChange={() => setChoice(item)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`abandon-reason-${item}`}>{item === 'other' ? 'Other reason' : item}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {choice === 'other' ? (
        <div className="field">
          <label htmlFor="abandon-other">Other reason (no patient details)</label>
          <input id="abandon-other" value={other} maxLength={200} onChange={(event) => setOther(event.target.value)} />
        </div>
      ) : null}
      <div className="runner-abandon__actions">
        <Button variant="danger" size="primary" disabled={reason === ''} onClick={() => onConfirm(reason)}>
          Abandon escalation
        </Button>
        <Button variant="secondary" size="primary" onClick={onCancel}>
          Keep going
        </Button>
      </div>
    </section>
  );
}
