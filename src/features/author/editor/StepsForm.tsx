// Every step of the draft as a card, plus adding a step of any kind. Removing
// a step leaves links to it for the validator to point out, so nothing is
// silently rewired.
import { useId, useState } from 'react';
import { STEP_KIND_NAMES, type Problem, type SopDocument, type StepKindName } from '../../../engine';
import { STEP_KIND_LABEL } from '../editors';
import { StepCard } from './StepCard';
import { addStep, removeStep, renameStep, replaceStep } from './stepOps';

interface Props {
  doc: SopDocument;
  problems: readonly Problem[];
  selected: string | null;
  onChange(next: SopDocument): void;
  onSelect(stepId: string): void;
}

export function StepsForm({ doc, problems, selected, onChange, onSelect }: Props) {
  const id = useId();
  const [kind, setKind] = useState<StepKindName>('question');
  return (
    <section aria-label="Steps" className="steps-form">
      <h2>Steps ({doc.steps.length})</h2>
      {doc.steps.map((step, index) => (
        <StepCard
          key={`${index}-${step.kind}`}
          step={step}
          doc={doc}
          problems={problems.filter((p) => p.stepId === step.id || p.path.startsWith(`steps[${index}]`))}
          selected={selected === step.id}
          onChange={(next) => onChange(replaceStep(doc, step.id, next))}
          onRename={(next) => {
            onChange(renameStep(doc, step.id, next));
            onSelect(next);
          }}
          onRemove={() => {
            if (window.confirm(`Remove step “${step.id}”? Links to it will need reconnecting.`)) onChange(removeStep(doc, step.id));
          }}
        />
      ))}
      <div className="add-step">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind of step to add</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as StepKindName)}>
            {STEP_KIND_NAMES.map((k) => <option key={k} value={k}>{STEP_KIND_LABEL[k]}</option>)}
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={() => {
            const added = addStep(doc, kind);
            onChange(added.doc);
            onSelect(added.id);
          }}
        >
          Add step
        </button>
      </div>
    </section>
  );
}
