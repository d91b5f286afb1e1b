// One step in the structured editor: the common fields (id, title, text,
// references) around the editor registered for the step's kind, its problems,
// and removal.
import type { ComponentType } from 'react';
import type { Problem, SopDocument, Step, StepKindName } from '../../../engine';
import { STEP_EDITORS, STEP_KIND_LABEL } from '../editors';
import type { StepEditorProps } from '../editors/types';
import { TextField, withOptional } from './fields';
import { StepIdField } from './StepIdField';

interface Props {
  step: Step;
  doc: SopDocument;
  problems: readonly Problem[];
  selected: boolean;
  onChange(next: Step): void;
  onRename(next: string): void;
  onRemove(): void;
}

export function StepCard({ step, doc, problems, selected, onChange, onRename, onRemove }: Props) {
  const Editor = STEP_EDITORS[step.kind] as unknown as ComponentType<StepEditorProps<StepKindName>>;
  const taken = new Set(doc.steps.map((s) => s.id));
  const cites = 'cites' in step ? step.cites ?? [] : null;
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <article
      className={`step-card step-card--${step.kind}${selected ? ' step-card--selected' : ''}${errors.length ? ' step-card--problem' : ''}`}
      id={`step-${step.id}`}
      aria-labelledby={`step-${step.id}-title`}
      tabIndex={-1}
    >
      <h3 id={`step-${step.id}-title`}>
        <span className="step-card__kind">{STEP_KIND_LABEL[step.kind]}</span> {step.title || '(untitled)'}
        {doc.start === step.id && <span className="start-tag"> Start</span>}
      </h3>
      {problems.length > 0 && (
        <ul className="step-card__problems" aria-label={`Problems in step ${step.id}`}>
          {problems.map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              <strong>{p.severity === 'error' ? '! Error' : 'Warning'}:</strong> {p.message}
            </li>
          ))}
        </ul>
      )}
      <StepIdField id={step.id} taken={taken} onRename={onRename} />
      <TextField label="Title" value={step.title} onChange={(title) => onChange({ ...step, title })} />
      <TextField label="Text" optional multiline value={step.text} onChange={(text) => onChange(withOptional(step, 'text', text))} />
      {cites !== null && doc.references.length > 0 && (
        <fieldset className="field">
          <legend>References this step is based on</legend>
          {doc.references.map((ref) => (
            <label key={ref.id} className="choice choice--block">
              <input
                type="checkbox"
                checked={cites.includes(ref.id)}
                onChange={(event) => {
                  const next = event.target.checked ? [...cites, ref.id] : cites.filter((c) => c !== ref.id);
                  onChange(withOptional(step as Step & { cites?: string[] }, 'cites', next.length > 0 ? next : undefined));
                }}
              />
              {ref.title}
            </label>
          ))}
        </fieldset>
      )}
      <Editor step={step} doc={doc} onChange={onChange} />
      <button type="button" className="button button--danger" onClick={onRemove}>
        Remove step “{step.id}”
      </button>
    </article>
  );
}
