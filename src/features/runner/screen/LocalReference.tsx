// An optional local episode reference, added at any point (e.g. the CDC's own
// booking reference). Never a patient identifier: anything that looks like an
// NHS number or a date of birth is refused before it reaches the log.
import { memo, useId, useState } from 'react';
import { Button } from '../../../ui/Button';
import './LocalReference.css';

const MAX = 40;

/** Why a reference cannot be stored, or null when it is acceptable. */
export function localRefProblem(value: string): string | null {
  const text = value.trim();
  if (text === '') return 'Type a reference first.';
  if (text.length > MAX) return `Keep it to ${MAX} characters.`;
  if (/\d{3}\s?\d{3}\s?\d{4}/.test(text)) return 'That looks like an NHS number. Do not enter patient identifiers.';
  if (/\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(text)) return 'That looks like a date of birth. Do not enter patient identifiers.';
  return null;
}

// Memoised, with the episode screen's callbacks stable: a tap that moves to the next step does not draw it again.
export const LocalReference = memo(function LocalReference({ current, onSave }: { current: string | null; onSave(ref: string): Promise<boolean> }) {
  const [value, setValue] = useState('');
  const [message, setMessage] = useState('');
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="runner-localref">
      <button type="button" className="runner-localref__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {current ? `Local reference: ${current}` : 'Add a local episode reference (optional)'}
      </button>
      {open ? (
        <>
          <div className="field">
            <label htmlFor={id}>Local reference — not a patient identifier (no name, NHS number or date of birth)</label>
            <input id={id} value={value} maxLength={MAX} autoComplete="off" onChange={(event) => setValue(event.target.value)} />
          </div>
          <Button
            variant="secondary"
            onClick={async () => {
              const problem = localRefProblem(value);
              if (problem) return setMessage(problem);
              setMessage((await onSave(value.trim())) ? 'Reference saved to the log.' : 'The reference could not be saved.');
              setValue('');
            }}
          >
            Save reference
          </Button>
        </>
      ) : null}
      <p role="status">{message}</p>
    </div>
  );
});
