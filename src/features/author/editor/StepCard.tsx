// One step in the structured editor: the common fields (id, title, text,
// references) around the editor registered for the step's kind, its problems,
// and removal. Memoised: typing in one step re-renders only that card.
import { memo, useId, useState, type ComponentType } from 'react';
import type { Problem, Step, StepKindName } from '../../../engine';
import { locateProblem } from '../../../engine/authoring/problemLocation';
import { STEP_EDITORS, STEP_KIND_LABEL } from '../editors';
import type { StepContext, StepEditorProps } from '../editors/types';
import { TextField, withOptional } from './fields';
import { StepIdField } from './StepIdField';
import { CheckboxItem, Choices } from '../../../ui/Choices';

interface Props {
  step: Step;
  context: StepContext;
  problems: readonly Problem[];
  selected: boolean;
  /** Only open cards render their fields: a long SOP stays light to type in and to scan. */
  open: boolean;
  onToggle(stepId: string): void;
  onChange(stepId: string, next: Step): void;
  onRename(stepId: string, next: string): void;
  onRemove(stepId: string): void;
  /** Adds a new reference to the SOP and cites it in this step. */
  onAddReference(stepId: string, reference: { title: string; url?: string }): void;
}

/** A new reference written where it is needed, then cited by the step at once. */
function NewReference({ onAdd }: { onAdd(reference: { title: string; url?: string }): void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  return (
    <div className="new-reference">
      <div className="field">
        <label htmlFor={`${id}-title`}>New reference: title</label>
        <span className="field__hint" id={`${id}-hint`}>E.g. “ESC 2020 Guidelines for the management of atrial fibrillation”. Publisher and year can be added under References.</span>
        <input id={`${id}-title`} value={title} autoComplete="off" aria-describedby={`${id}-hint`} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-url`}>New reference: web address<span className="field__optional"> (optional)</span></label>
        <input id={`${id}-url`} value={url} autoComplete="off" inputMode="url" onChange={(e) => setUrl(e.target.value)} />
      </div>
      <button
        type="button"
        className="button button--secondary"
        disabled={title.trim() === ''}
        aria-describedby={title.trim() === '' ? `${id}-why` : undefined}
        onClick={() => {
          onAdd({ title: title.trim(), ...(url.trim() ? { url: url.trim() } : {}) });
          setTitle('');
          setUrl('');
        }}
      >
        Add and cite this reference
      </button>
      {title.trim() === '' && <span className="field__hint" id={`${id}-why`}>Write the reference’s title first.</span>}
    </div>
  );
}

/** "option 2: leads to: " before the message, in the form's words. */
function fieldWords(p: Problem): string {
  const field = locateProblem(p, undefined).field;
  return field ? `${field.charAt(0).toUpperCase()}${field.slice(1)}: ` : '';
}

function StepCardView({ step, context, problems, selected, open, onToggle, onChange, onRename, onRemove, onAddReference }: Props) {
  const Editor = STEP_EDITORS[step.kind] as unknown as ComponentType<StepEditorProps<StepKindName>>;
  // Every kind but the automatic modality route can cite references, even before it has any.
  const cites = step.kind === 'modality' ? null : ('cites' in step ? step.cites : undefined) ?? [];
  const errors = problems.filter((p) => p.severity === 'error');
  const change = (next: Step) => onChange(step.id, next);
  return (
    <article
      className={`step-card step-card--${step.kind}${selected ? ' step-card--selected' : ''}${errors.length ? ' step-card--problem' : ''}`}
      id={`step-${step.id}`}
      aria-labelledby={`step-${step.id}-title`}
      tabIndex={-1}
    >
      <h3 id={`step-${step.id}-title`}>
        <span className="step-card__kind">{STEP_KIND_LABEL[step.kind]}</span> {step.title || '(untitled)'}
        {context.start === step.id && <span className="start-tag"> Start</span>}
      </h3>
      <button type="button" className="button button--secondary step-card__toggle" aria-expanded={open} onClick={() => onToggle(step.id)}>
        {open ? `Close step ${step.id}` : `Edit step ${step.id}`}
      </button>
      {problems.length > 0 && (
        <ul className="step-card__problems" aria-label={`Problems in step ${step.id}`}>
          {problems.map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              <strong>{p.severity === 'error' ? '! Error' : 'Warning'}:</strong> {fieldWords(p)}{p.message}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <div className="step-card__fields">
          <StepIdField id={step.id} taken={context.stepIds} onRename={(next) => onRename(step.id, next)} />
          <TextField label="Title" value={step.title} onChange={(title) => change({ ...step, title })} />
          <TextField label="Text" optional multiline value={step.text} onChange={(text) => change(withOptional(step, 'text', text))} />
          {cites !== null && (
            <div className="step-card__references">
              <Choices
                legend="References this step is based on"
                type="checkbox"
                hint={context.references.length === 0 ? 'The SOP has no references yet: add the first one here.' : undefined}
              >
                {context.references.map((ref) => (
                  <CheckboxItem
                    key={ref.id}
                    checked={cites.includes(ref.id)}
                    onChange={(event) => {
                      const next = event.target.checked ? [...cites, ref.id] : cites.filter((c) => c !== ref.id);
                      change(withOptional(step as Step & { cites?: string[] }, 'cites', next.length > 0 ? next : undefined));
                    }}
                    label={ref.title || ref.id}
                  />
                ))}
              </Choices>
              <NewReference onAdd={(reference) => onAddReference(step.id, reference)} />
            </div>
          )}
          <Editor step={step} context={context} onChange={change} />
          <button type="button" className="button button--danger" onClick={() => onRemove(step.id)}>
            Remove step “{step.id}”
          </button>
        </div>
      )}
    </article>
  );
}

export const StepCard = memo(StepCardView);
