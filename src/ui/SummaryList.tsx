// The NHS summary list: key-value facts (a device's id, an SOP's sign-off, a
// directory entry) as a description list, one row per fact.
import type { ReactNode } from 'react';

export function SummaryList({ children }: { children: ReactNode }) {
  return <dl className="nhsuk-summary-list">{children}</dl>;
}

export function SummaryRow({ label, children, valueClassName }: { label: ReactNode; children: ReactNode; valueClassName?: string }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className={`nhsuk-summary-list__value${valueClassName ? ` ${valueClassName}` : ''}`}>{children}</dd>
    </div>
  );
}
