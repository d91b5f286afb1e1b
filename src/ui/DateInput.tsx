// The NHS date input: day, month and year as three numeric fields in a
// fieldset named by its legend, with an optional hint and inline error (the
// wrong part, or all three, outlined in the error colour). The form holds the
// parts and reads them with calendarDate.readDate.
import type { DateParts, DatePart } from './calendarDate';
import { ErrorMessage } from './ErrorMessage';

export interface DateInputProps {
  /** The day field's id is `${id}-day`, and so on: the error summary links there. */
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  onChange(parts: DateParts): void;
  /** The problem to show, and which part it is in (none: all three). */
  error?: { message: string; part?: DatePart } | null;
}

const FIELDS: ReadonlyArray<{ part: DatePart; label: string; width: string }> = [
  { part: 'day', label: 'Day', width: 'nhsuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'nhsuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'nhsuk-input--width-4' },
];

export function DateInput({ id, legend, hint, value, onChange, error = null }: DateInputProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? <div className="nhsuk-hint" id={`${id}-hint`}>{hint}</div> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error.message}</ErrorMessage> : null}
        <div className="nhsuk-date-input" id={id}>
          {FIELDS.map(({ part, label, width }) => {
            const wrong = error !== null && (error.part === undefined || error.part === part);
            return (
              <div className="nhsuk-date-input__item" key={part}>
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${part}`}>{label}</label>
                <input
                  className={`nhsuk-input nhsuk-date-input__input ${width}${wrong ? ' nhsuk-input--error' : ''}`}
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  aria-invalid={wrong || undefined}
                  value={value[part]}
                  onChange={(event) => onChange({ ...value, [part]: event.target.value })}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
