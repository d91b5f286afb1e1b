// Labelled form controls the step editors share. Each writes on every
// keystroke (typing is never blocked); validation happens elsewhere.
import { useId, type ReactNode } from 'react';
import type { SopDocument } from '../../../engine';

interface TextProps {
  label: string;
  value: string | undefined;
  onChange(value: string): void;
  hint?: string;
  multiline?: boolean;
  /** Optional fields are removed from the document when emptied. */
  optional?: boolean;
}

export function TextField({ label, value, onChange, hint, multiline, optional }: TextProps) {
  const id = useId();
  const common = {
    id,
    value: value ?? '',
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      {hint && <span className="field__hint" id={`${id}-hint`}>{hint}</span>}
      {multiline ? <textarea rows={3} {...common} /> : <input autoComplete="off" {...common} />}
    </div>
  );
}

export function NumberField({ label, value, onChange, hint }: { label: string; value: number | undefined; onChange(value: number | undefined): void; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="field__hint" id={`${id}-hint`}>{hint}</span>}
      <input
        id={id}
        type="number"
        inputMode="numeric"
        value={value ?? ''}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
      />
    </div>
  );
}

export function SelectField({ label, value, options, onChange, hint }: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
  hint?: string;
}) {
  const id = useId();
  const known = options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="field__hint" id={`${id}-hint`}>{hint}</span>}
      <select id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.value)}>
        {!known && <option value={value}>{value === '' ? 'Choose…' : `${value} (missing)`}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** Every step as a "leads to" choice, by id, title and kind. */
export function linkOptionsOf(steps: SopDocument['steps']): Array<{ value: string; label: string }> {
  return steps.map((s) => ({ value: s.id, label: `${s.id}: ${s.title || '(untitled)'} [${s.kind}]` }));
}

/** Chooses the step a way out leads to. */
export function NextStepField({ label, value, options, onChange }: {
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(value: string): void;
}) {
  return <SelectField label={label} value={value} options={options} onChange={onChange} />;
}

/** A bordered group for one repeated item (an option, outcome, checklist item). */
export function ItemGroup({ legend, children, onRemove, removeLabel }: { legend: string; children: ReactNode; onRemove?(): void; removeLabel?: string }) {
  return (
    <fieldset className="item-group">
      <legend>{legend}</legend>
      {children}
      {onRemove && (
        <button type="button" className="button button--secondary item-group__remove" onClick={onRemove}>
          {removeLabel ?? 'Remove'}
        </button>
      )}
    </fieldset>
  );
}

/** Drops an optional key when emptied, so the document never holds "" for an optional field. */
export function withOptional<T extends object, K extends keyof T>(value: T, key: K, next: T[K] | '' | undefined): T {
  const copy = { ...value };
  if (next === '' || next === undefined) delete copy[key];
  else copy[key] = next as T[K];
  return copy;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, i) => (i === index ? item : existing));
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}
