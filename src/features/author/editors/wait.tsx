// Editor for a wait step: how long to wait for a call back, where to go when
// the time runs out, and the ways to end the wait early.
import { ItemGroup, NextStepField, NumberField, TextField, removeAt, replaceAt } from '../editor/fields';
import type { StepEditorProps } from './types';

export function WaitEditor({ step, context, onChange }: StepEditorProps<'wait'>) {
  const endEarly = step.endEarly ?? [];
  type Early = (typeof endEarly)[number];
  const set = (i: number, option: Early) => onChange({ ...step, endEarly: replaceAt(endEarly, i, option) });
  return (
    <div className="kind-editor">
      <NumberField label="Wait (minutes)" value={step.minutes} onChange={(minutes) => onChange({ ...step, minutes: minutes ?? 0 })} />
      <NextStepField label="When the time runs out, go to" value={step.onExpire} options={context.linkOptions} onChange={(onExpire) => onChange({ ...step, onExpire })} />
      <h4>Ways to end the wait early</h4>
      {endEarly.map((option, i) => (
        <ItemGroup key={i} legend={`Early end ${i + 1}: ${option.label || '(no label)'}`} onRemove={() => onChange({ ...step, endEarly: removeAt(endEarly, i) })} removeLabel={`Remove early end ${i + 1}`}>
          <TextField label="Label" value={option.label} onChange={(label) => set(i, { ...option, label })} />
          <TextField label="Option id" value={option.id} onChange={(id) => set(i, { ...option, id })} />
          <NextStepField label="Leads to" value={option.next} options={context.linkOptions} onChange={(next) => set(i, { ...option, next })} />
        </ItemGroup>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange({ ...step, endEarly: [...endEarly, { id: `early${endEarly.length + 1}`, label: '', next: '' }] })}>
        Add a way to end early
      </button>
    </div>
  );
}
