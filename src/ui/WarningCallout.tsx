// The NHS warning callout: a card headed "Important" for a warning that must
// not be missed on a page (a draft not yet saved, a trust list that will not
// run this version, a clock changed mid-episode). Announced as status. The
// one-line strip above a step mid-episode stays a compact Banner.
import type { ReactNode } from 'react';

export interface WarningCalloutProps {
  children: ReactNode;
  actions?: ReactNode;
  label?: string;
}

export function WarningCallout({ children, actions, label }: WarningCalloutProps) {
  return (
    <div className="nhsuk-card nhsuk-card--warning warning-callout" role="status" aria-label={label}>
      <div className="nhsuk-card__content">
        <p className="nhsuk-card__heading">Important</p>
        <p className="nhsuk-card__description">{children}</p>
        {actions}
      </div>
    </div>
  );
}
