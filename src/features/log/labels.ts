// Words for stored codes, so the Log section never shows a raw identifier
// where a person would expect a phrase (urgency is always written in words).
import { MODALITY_LABEL as MODALITY_LABELS } from '../../engine/modalities';
import { describeCprNote, describeObservations, parseObservations } from '../../engine';
import type { EventRow, EpisodeStatus } from '../../db/database';
import { sopIdOf, type StepLookup } from './sopSteps';

export const URGENCY_LABEL: Record<string, string> = {
  emergency: 'Emergency',
  'same-day': 'Same day',
  urgent: 'Urgent',
  routine: 'Routine',
  '': 'No outcome reached',
};

export const STATUS_LABEL: Record<EpisodeStatus, string> = {
  open: 'In progress',
  completed: 'Completed',
  abandoned: 'Abandoned',
};

/** Labels by stored modality (an imported episode's may be any string). */
export const MODALITY_LABEL: Readonly<Record<string, string>> = MODALITY_LABELS;

const RESULT_LABEL: Record<string, string> = {
  accepted: 'accepted',
  advised: 'gave advice',
  declined: 'declined',
  noAnswer: 'no answer',
};

const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** One line saying what an event was, using the SOP's own step titles where known. */
export function describeEvent(event: EventRow, stepOf: StepLookup): string {
  const step = event.stepId ? stepOf(event.stepId, sopIdOf(event.data)).title : '';
  const d = event.data;
  switch (event.type) {
    case 'episode-started':
      return `Episode started (${str(d.sopId)} version ${str(d.sopVersion)}, ${MODALITY_LABEL[str(d.modality)] ?? str(d.modality)})`;
    case 'step-entered':
      return `Step shown: ${step}`;
    case 'answered':
      return `Answered "${str(d.label) || str(d.option)}" to: ${step}`;
    case 'ticked':
      return `${d.checked === false ? 'Unticked' : 'Ticked'} "${str(d.text) || str(d.item)}" (${step})`;
    case 'continued':
      // A checklist continued with nothing ticked says so ("0 of 3 done"), never just "done".
      return `Continued from: ${step}${typeof d.of === 'number' ? `, ${typeof d.done === 'number' ? d.done : 0} of ${d.of} done` : ''}`;
    case 'contact-attempt': {
      const who = str(d.roleTitle) || str(d.role) || step;
      if (d.notConfigured === true) return `Not called: ${who} is not configured on this device (no number)`;
      const advice = str(d.advice) ? ` — advice: "${str(d.advice)}"` : d.result === 'advised' ? ' (advice not written down)' : '';
      return `Called ${who}: ${RESULT_LABEL[str(d.result)] ?? str(d.result)}${advice}`;
    }
    case 'wait-skipped':
      return `Wait left early to try the next contact now: ${step}`;
    case 'wait-passed':
      return `Wait passed at once (nobody was called, so nobody will call back): ${step}`;
    case 'wait-ended':
      return `Wait ended early: ${str(d.label) || str(d.option)} (${step})`;
    case 'timer-expired':
      return `Timer ran out: ${step}`;
    case 'collapse':
      return 'Patient collapsed: resuscitation pathway started';
    case 'reminder-done':
      return `Repeat reminder done: ${str(d.item)}`;
    case 'undo':
      return 'Last step undone';
    case 'outcome-reached': {
      const reached = d.clinicianReached === true ? '; a clinician was spoken to' : d.clinicianReached === false ? '; NO clinician was reached' : '';
      return `Outcome: ${step} (${URGENCY_LABEL[str(d.urgency)] ?? str(d.urgency)})${reached}`;
    }
    case 'abandoned':
      return `Episode abandoned${str(d.reason) ? `: ${str(d.reason)}` : ''}`;
    case 'episode-completed':
      return 'Episode completed';
    case 'note': {
      const observations = d.observations === undefined ? null : parseObservations(d.observations);
      if (observations) return describeObservations(observations);
      const cpr = d.cpr === undefined ? null : describeCprNote(d);
      if (cpr) return cpr;
      return `Note: ${str(d.text)}`;
    }
    default:
      return `${event.type}${step ? `: ${step}` : ''}`;
  }
}
