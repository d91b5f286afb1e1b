// The NHS inline error message under a field's label: the same words as the
// error summary's link, with "Error:" for screen readers. The field names it
// in aria-describedby.
import type { ReactNode } from 'react';

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="visually-hidden">Error:</span> {children}
    </span>
  );
}
