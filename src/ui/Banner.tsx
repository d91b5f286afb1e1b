// A message strip (information, warning or error) with optional actions.
// Errors are announced to screen readers as alerts, the rest as status. A
// warning is the NHS warning callout (a card headed "Important"), except the
// one-line compact strip above a step mid-episode.
import type { ReactNode } from 'react';

export interface BannerProps {
  tone?: 'info' | 'warning' | 'error';
  children: ReactNode;
  actions?: ReactNode;
  label?: string;
  /** One line (ellipsis past the width) where space is short, e.g. above a step mid-episode. */
  compact?: boolean;
}

export function Banner({ tone = 'info', children, actions, label, compact = false }: BannerProps) {
  const role = tone === 'error' ? 'alert' : 'status';
  if (tone === 'warning' && !compact) {
    return (
      <div className="nhsuk-card nhsuk-card--warning warning-callout" role={role} aria-label={label}>
        <div className="nhsuk-card__content">
          <p className="nhsuk-card__heading">Important</p>
          <p className="nhsuk-card__description">{children}</p>
          {actions}
        </div>
      </div>
    );
  }
  return (
    <div className={`banner banner--${tone}${compact ? ' banner--compact' : ''}`} role={role} aria-label={label}>
      <p className="banner__text">{children}</p>
      {actions}
    </div>
  );
}
