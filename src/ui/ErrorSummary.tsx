// The NHS error summary: at the top of a form after a failed submit, a link to
// each field with a problem. It takes focus on every failed submit, so a
// screen reader reads it and Tab goes on to the first link; a link moves focus
// to its field (nhsuk-frontend's script does that on NHS sites; here React does).
import { useEffect, useId, useRef, type MouseEvent } from 'react';

/** A problem with one field, in the words of its inline message. */
export interface FieldProblem {
  /** The id of the field (for a date, its first wrong part) the summary links to. */
  fieldId: string;
  message: string;
}

export interface ErrorSummaryProps {
  problems: readonly FieldProblem[];
  /** How many submits have failed: each one moves focus to the summary. 0 shows nothing. */
  failedSubmits: number;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
}

export function ErrorSummary({ problems, failedSubmits }: ErrorSummaryProps) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failedSubmits > 0) box.current?.focus();
  }, [failedSubmits]);
  if (failedSubmits === 0 || problems.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" tabIndex={-1} ref={box}>
      <div role="alert" aria-labelledby={`${id}-heading`}>
        <h2 className="nhsuk-error-summary__heading" id={`${id}-heading`}>There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-error-summary__list">
            {problems.map((problem) => (
              <li key={`${problem.fieldId} ${problem.message}`}>
                <a href={`#${problem.fieldId}`} onClick={(event) => focusField(event, problem.fieldId)}>{problem.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
