// Urgency always in words as well as colour.
import { URGENCY_LABEL, type Urgency } from '../../../engine';

export function UrgencyTag({ urgency, prefix }: { urgency: Urgency; prefix?: string }) {
  return (
    <span className={`urgency-tag urgency-tag--${urgency}`}>
      {prefix ? `${prefix} ` : ''}
      {URGENCY_LABEL[urgency]}
    </span>
  );
}
