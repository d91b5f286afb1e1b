// The optional observations record: HR, BP, SpO2, RR, temperature, consciousness
// (ACVPU), supplemental oxygen and symptom onset, with NEWS2 (RCP 2017, scale 1)
// worked out as they are typed. One tap opens it from any step; it sits under the
// decision and never blocks a step. Saved as a log record and fed into the hand-over.
import { memo, useId, useState } from 'react';
import {
  describeObservations, news2, observationProblem, type Acvpu, type ObservationField, type Observations,
} from '../../../engine';
import { Button } from '../../../ui/Button';
import './ObservationsPanel.css';

const FIELDS: Array<{ field: ObservationField; label: string; unit: string; step?: string }> = [
  { field: 'heartRate', label: 'Heart rate', unit: '/min' },
  { field: 'systolicBp', label: 'Systolic BP', unit: 'mmHg' },
  { field: 'diastolicBp', label: 'Diastolic BP', unit: 'mmHg' },
  { field: 'spo2', label: 'SpO2', unit: '%' },
  { field: 'respRate', label: 'Respiration rate', unit: '/min' },
  { field: 'temperature', label: 'Temperature', unit: '°C', step: '0.1' },
];

const ACVPU: Array<{ value: Acvpu; label: string }> = [
  { value: 'A', label: 'Alert' },
  { value: 'C', label: 'New confusion' },
  { value: 'V', label: 'Responds to voice' },
  { value: 'P', label: 'Responds to pain' },
  { value: 'U', label: 'Unresponsive' },
];

const BREATHING: Array<{ value: 'air' | 'oxygen'; label: string }> = [
  { value: 'air', label: 'Air' },
  { value: 'oxygen', label: 'Supplemental oxygen' },
];

type Draft = Partial<Record<ObservationField, string>> & { consciousness?: Acvpu; oxygen?: 'air' | 'oxygen'; onset?: string };

/** "HH:MM" today, or yesterday when that would be in the future (onset is always before now). */
function onsetFromClock(text: string, now: number): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at.getTime() > now) at.setDate(at.getDate() - 1);
  return at.getTime();
}

function fromDraft(draft: Draft, now: number): { observations: Observations; problems: string[] } {
  const observations: Observations = { takenAt: now };
  const problems: string[] = [];
  for (const { field, label } of FIELDS) {
    const text = draft[field]?.trim();
    if (!text) continue;
    const value = Number(text);
    const problem = observationProblem(field, value);
    if (problem) problems.push(`${label} ${problem}.`);
    else observations[field] = value;
  }
  if (draft.consciousness) observations.consciousness = draft.consciousness;
  if (draft.oxygen) observations.onOxygen = draft.oxygen === 'oxygen';
  const onset = draft.onset ? onsetFromClock(draft.onset, now) : undefined;
  if (onset !== undefined) observations.symptomOnsetAt = onset;
  return { observations, problems };
}

// Memoised, with the episode screen's callbacks stable: a tap that moves to the next step does not draw it again.
export const ObservationsPanel = memo(function ObservationsPanel({ current, onSave }: { current: Observations | null; onSave(observations: Observations): Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>({});
  const [message, setMessage] = useState('');
  const id = useId();
  const preview = fromDraft(draft, Date.now());
  const score = news2(preview.observations);
  const set = (patch: Draft) => setDraft({ ...draft, ...patch });
  const save = async () => {
    const { observations, problems } = fromDraft(draft, Date.now());
    if (problems.length > 0) return setMessage(problems.join(' '));
    if (Object.keys(observations).length === 1) return setMessage('Enter at least one observation first.');
    if (await onSave(observations)) {
      setMessage('Observations saved to the log and added to the hand-over.');
      setOpen(false);
    } else setMessage('The observations could not be saved. They are still here: try again.');
  };
  return (
    <section className="runner-observations" aria-label="Observations">
      <button type="button" className="runner-observations__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {current ? `Observations (${describeObservations(current)})` : 'Observations and NEWS2 (optional)'}
      </button>
      {open ? (
        <div className="runner-observations__form">
          <div className="runner-observations__grid">
            {FIELDS.map(({ field, label, unit, step }) => (
              <div className="field" key={field}>
                <label htmlFor={`${id}-${field}`}>{label} ({unit})</label>
                <input
                  id={`${id}-${field}`} type="number" inputMode="decimal" step={step ?? '1'} value={draft[field] ?? ''}
                  onChange={(event) => set({ [field]: event.target.value })}
                />
              </div>
            ))}
          </div>
          {/* nhsuk-frontend's radios, written out: the runner gets classes, not components. */}
          <fieldset className="nhsuk-fieldset runner-observations__choices">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Consciousness (ACVPU)</legend>
            <div className="nhsuk-radios nhsuk-radios--inline">
              {ACVPU.map(({ value, label }) => (
                <div className="nhsuk-radios__item" key={value}>
                  <input className="nhsuk-radios__input" id={`${id}-acvpu-${value}`} type="radio" name={`${id}-acvpu`} checked={draft.consciousness === value} onChange={() => set({ consciousness: value })} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-acvpu-${value}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <fieldset className="nhsuk-fieldset runner-observations__choices">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Breathing</legend>
            <div className="nhsuk-radios nhsuk-radios--inline">
              {BREATHING.map(({ value, label }) => (
                <div className="nhsuk-radios__item" key={value}>
                  <input className="nhsuk-radios__input" id={`${id}-o2-${value}`} type="radio" name={`${id}-o2`} checked={draft.oxygen === value} onChange={() => set({ oxygen: value })} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-o2-${value}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-onset`}>Symptoms started at (time)</label>
            <input id={`${id}-onset`} type="time" value={draft.onset ?? ''} onChange={(event) => set({ onset: event.target.value })} />
          </div>
          <p className="runner-observations__score" aria-live="polite">
            {score.complete
              ? `NEWS2 ${score.score} (${score.risk}). ${score.response}`
              : `NEWS2 needs all seven: ${score.missing.length} not entered yet.`}
            {' '}Scored on SpO2 scale 1 (RCP NEWS2 2017).
          </p>
          <Button variant="secondary" onClick={() => void save()}>Save observations</Button>
        </div>
      ) : null}
      <p role="status">{message}</p>
    </section>
  );
});
