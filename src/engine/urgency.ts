// Urgency levels in order, with the words the app shows for them. No schema
// library here: the first screen's Escalate list imports this file.
import { URGENCIES, type Urgency } from './urgencyLevels';

export { URGENCIES, type Urgency };

export const URGENCY_LABEL: Readonly<Record<Urgency, string>> = {
  emergency: 'Emergency now',
  'same-day': 'Same day',
  urgent: 'Urgent (within 2 weeks)',
  routine: 'Routine',
};

/** Negative when `a` is more urgent than `b`. */
export const compareUrgency = (a: Urgency, b: Urgency): number => URGENCIES.indexOf(a) - URGENCIES.indexOf(b);
