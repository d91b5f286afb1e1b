// "Gave advice": the advice is what the log must keep, so the worker writes it
// down (briefly, no patient names) before moving on. Saving it empty is
// allowed (a lone worker must never be stuck) and logged as not written down.
import { useId, useState } from 'react';
import { Button } from '../../../ui/Button';
import './adviceForm.css';

export const ADVICE_LIMIT = 1000;

export function AdviceForm({ roleTitle, onSave, onCancel }: { roleTitle: string; onSave(advice: string): void; onCancel(): void }) {
  const id = useId();
  const [advice, setAdvice] = useState('');
  return (
    <form
      className="runner-advice"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(advice.trim());
      }}
    >
      <label htmlFor={`${id}-advice`} className="runner-advice__label">What advice did {roleTitle} give?</label>
      <span className="field__hint" id={`${id}-hint`}>A few words for the log, e.g. “send to ED by ambulance”. No patient names.</span>
      <textarea
        id={`${id}-advice`}
        aria-describedby={`${id}-hint`}
        className="runner-advice__text"
        rows={3}
        maxLength={ADVICE_LIMIT}
        value={advice}
        autoFocus
        onChange={(event) => setAdvice(event.target.value)}
      />
      <div className="button-row">
        <Button type="submit" size="primary">Save advice and continue</Button>
        <Button variant="secondary" onClick={onCancel}>Back to the call results</Button>
      </div>
    </form>
  );
}
