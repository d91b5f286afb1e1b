// A full-width message strip (information, warning or error) with optional
// actions. Errors are announced to screen readers as alerts, the rest as status.
import type { ReactNode } from 'react';

export interface BannerProps {
  tone?: 'info' | 'warning' | 'error';
  children: ReactNode;
  actions?: ReactNode;
  label?: string;
}

export function Banner({ tone = 'info', children, actions, label }: BannerProps) {
  const role = tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`banner banner--${tone}`} role={role} aria-label={label}>
      <p className="banner__text">{children}</p>
      {actions}
    </div>
  );
}
