// Editor for an outcome step: urgency, disposition, the report wording and
// what to document (one item per line).
import { URGENCIES, URGENCY_LABEL, type Urgency } from '../../../engine';
import { SelectField, TextField } from '../editor/fields';
import type { StepEditorProps } from './types';

export function OutcomeEditor({ step, onChange }: StepEditorProps<'outcome'>) {
  return (
    <div className="kind-editor">
      <SelectField
        label="Urgency"
        value={step.urgency}
        options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABEL[u] }))}
        onChange={(urgency) => onChange({ ...step, urgency: urgency as Urgency })}
      />
      <TextField label="Disposition" multiline value={step.disposition} onChange={(disposition) => onChange({ ...step, disposition })} />
      <TextField label="Suggested report wording" multiline value={step.reportWording} onChange={(reportWording) => onChange({ ...step, reportWording })} />
      <TextField
        label="What to document (one per line)"
        multiline
        value={(step.document ?? []).join('\n')}
        onChange={(text) => onChange({ ...step, document: text.split('\n') })}
      />
    </div>
  );
}
