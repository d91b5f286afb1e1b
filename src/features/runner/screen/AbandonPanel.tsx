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
      <fieldset className="runner-abandon__reasons">
        <legend>Reason</legend>
        {[...ABANDON_REASONS, 'other'].map((item) => (
          <label key={item} className="runner-abandon__reason">
            <input type="radio" name="abandon-reason" value={item} checked={choice === item} onChange={() => setChoice(item)} />
            {item === 'other' ? 'Other reason' : item}
          </label>
        ))}
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
