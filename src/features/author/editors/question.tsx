// Editor for a question step: 2–6 labelled options, each leading on, exactly
// one of them the "Not sure" option that leads the safer way.
import { useId } from 'react';
import { ItemGroup, NextStepField, TextField, removeAt, replaceAt, withOptional } from '../editor/fields';
import type { StepEditorProps } from './types';
import { RadioItem } from '../../../ui/Choices';

export function QuestionEditor({ step, context, onChange }: StepEditorProps<'question'>) {
  const name = useId();
  const options = step.options ?? [];
  type Option = (typeof options)[number];
  const set = (i: number, option: Option) => onChange({ ...step, options: replaceAt(options, i, option) });
  return (
    <div className="kind-editor">
      <h4>Options</h4>
      {options.map((option, i) => (
        <ItemGroup key={i} legend={`Option ${i + 1}: ${option.label || '(no label)'}`} onRemove={() => onChange({ ...step, options: removeAt(options, i) })} removeLabel={`Remove option ${i + 1}`}>
          <TextField label="Label" value={option.label} onChange={(label) => set(i, { ...option, label })} />
          <TextField label="Option id" hint="Short, lower-case: it appears in the log." value={option.id} onChange={(id) => set(i, { ...option, id })} />
          <TextField label="Detail" optional multiline value={option.detail} onChange={(d) => set(i, withOptional(option, 'detail', d))} />
          <TextField label="Hand-over words" optional multiline hint="Used in the SBAR call when this option is chosen." value={option.handover} onChange={(h) => set(i, withOptional(option, 'handover', h))} />
          <div className="nhsuk-radios">
            <RadioItem
              name={`${name}-not-sure`}
              checked={option.notSure === true}
              onChange={() => onChange({ ...step, options: options.map((o, j) => withOptional(o, 'notSure', j === i ? true : undefined)) })}
              label="This is the “Not sure” option (leads the safer way)"
            />
          </div>
          <NextStepField label="Leads to" value={option.next} options={context.linkOptions} onChange={(next) => set(i, { ...option, next })} />
        </ItemGroup>
      ))}
      {options.length < 6 && (
        <button type="button" className="button button--secondary" onClick={() => onChange({ ...step, options: [...options, { id: `option${options.length + 1}`, label: '', next: '' }] })}>
          Add an option
        </button>
      )}
    </div>
  );
}
