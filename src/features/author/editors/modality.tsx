// Editor for a modality step: where each modality the SOP covers goes next
// (e.g. MRI first gets the patient out of the scanner room).
import { NextStepField } from '../editor/fields';
import type { StepEditorProps } from './types';

const LABEL = { echo: 'Echo', ct: 'CT', mri: 'MRI' } as const;

export function ModalityEditor({ step, context, onChange }: StepEditorProps<'modality'>) {
  const routes = step.routes ?? {};
  return (
    <div className="kind-editor">
      {context.modalities.map((m) => (
        <NextStepField key={m} label={`${LABEL[m]} goes to`} value={routes[m] ?? ''} options={context.linkOptions} onChange={(next) => onChange({ ...step, routes: { ...routes, [m]: next } })} />
      ))}
    </div>
  );
}
