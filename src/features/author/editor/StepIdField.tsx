// Renames a step when the author leaves the field, updating every link to it.
// Committing on blur (not per keystroke) keeps half-typed ids from
// capturing links of another step with the same prefix.
import { useEffect, useId, useState } from 'react';

interface Props {
  id: string;
  taken: ReadonlySet<string>;
  onRename(next: string): void;
}

export function StepIdField({ id, taken, onRename }: Props) {
  const fieldId = useId();
  const [value, setValue] = useState(id);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setValue(id), [id]);

  const commit = () => {
    const next = value.trim();
    if (next === id) return setMessage(null);
    if (!/^[a-z][A-Za-z0-9]{0,63}$/.test(next)) {
      setMessage('A step id is camelCase words: a lower-case letter, then letters or digits (e.g. "callRegistrar").');
      return;
    }
    if (taken.has(next)) {
      setMessage(`Another step is already called "${next}".`);
      return;
    }
    setMessage(null);
    onRename(next);
  };

  return (
    <div className="field">
      <label htmlFor={fieldId}>Step id</label>
      <span className="field__hint" id={`${fieldId}-hint`}>Appears in the log. Renaming updates every link to this step.</span>
      <input
        id={fieldId}
        value={value}
        autoComplete="off"
        aria-describedby={`${fieldId}-hint`}
        aria-invalid={message !== null}
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      {message && <span className="field__error" role="alert">{message}</span>}
    </div>
  );
}
