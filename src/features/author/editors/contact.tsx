// Editor for a contact step: which role to call (numbers come from the local
// directory), the SBAR script, and where each call outcome leads.
import { CONTACT_RESULTS } from '../../../engine';
import { ItemGroup, NextStepField, SelectField, TextField, removeAt, replaceAt } from '../editor/fields';
import type { StepEditorProps } from './types';

const RESULT_LABEL: Record<(typeof CONTACT_RESULTS)[number], string> = {
  accepted: 'Accepted the patient',
  advised: 'Gave advice',
  declined: 'Declined',
  noAnswer: 'No answer',
};

const SBAR = [
  ['situation', 'Situation'],
  ['background', 'Background'],
  ['assessment', 'Assessment'],
  ['recommendation', 'Recommendation (what you are asking for)'],
] as const;

export function ContactEditor({ step, context, onChange }: StepEditorProps<'contact'>) {
  const outcomes = step.outcomes ?? [];
  const sbar = step.sbar ?? { situation: '', background: '', assessment: '', recommendation: '' };
  type Outcome = (typeof outcomes)[number];
  const set = (i: number, outcome: Outcome) => onChange({ ...step, outcomes: replaceAt(outcomes, i, outcome) });
  return (
    <div className="kind-editor">
      <SelectField
        label="Role to call"
        hint="Roles are filled with names and numbers in Settings › Contacts directory."
        value={step.role}
        options={context.roles.map((r) => ({ value: r.id, label: r.title }))}
        onChange={(role) => onChange({ ...step, role })}
      />
      <h4>SBAR script</h4>
      {SBAR.map(([key, label]) => (
        <TextField key={key} label={label} multiline value={sbar[key]} onChange={(text) => onChange({ ...step, sbar: { ...sbar, [key]: text } })} />
      ))}
      <h4>Call outcomes</h4>
      {outcomes.map((outcome, i) => (
        <ItemGroup key={i} legend={`Outcome ${i + 1}: ${outcome.label || '(no label)'}`} onRemove={() => onChange({ ...step, outcomes: removeAt(outcomes, i) })} removeLabel={`Remove outcome ${i + 1}`}>
          <TextField label="Label" value={outcome.label} onChange={(label) => set(i, { ...outcome, label })} />
          <TextField label="Outcome id" value={outcome.id} onChange={(id) => set(i, { ...outcome, id })} />
          <SelectField
            label="Result"
            value={outcome.result}
            options={CONTACT_RESULTS.map((r) => ({ value: r, label: RESULT_LABEL[r] }))}
            onChange={(result) => set(i, { ...outcome, result: result as Outcome['result'] })}
          />
          <NextStepField label="Leads to" value={outcome.next} options={context.linkOptions} onChange={(next) => set(i, { ...outcome, next })} />
        </ItemGroup>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange({ ...step, outcomes: [...outcomes, { id: `outcome${outcomes.length + 1}`, label: '', result: 'advised', next: '' }] })}>
        Add an outcome
      </button>
    </div>
  );
}
