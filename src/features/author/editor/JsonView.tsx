// The draft as JSON, for power users. Edits here update the form as soon as
// the JSON has a shape the form can show; problems are listed either way.
import { useId } from 'react';

export function JsonView({ text, onChange }: { text: string; onChange(text: string): void }) {
  const id = useId();
  return (
    <div className="field json-view">
      <label htmlFor={id}>SOP as JSON</label>
      <span className="field__hint" id={`${id}-hint`}>Format cdc-sop/1. Changes are checked as you type and saved automatically.</span>
      <textarea id={id} aria-describedby={`${id}-hint`} spellCheck={false} value={text} rows={30} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
