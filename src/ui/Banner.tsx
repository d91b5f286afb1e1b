// A full-width message strip (information, warning or error) with optional
// actions. Errors are announced to screen readers as alerts, the rest as status.
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
  return (
    <div className={`banner banner--${tone}${compact ? ' banner--compact' : ''}`} role={role} aria-label={label}>
      <p className="banner__text">{children}</p>
      {actions}
    </div>
  );
}
