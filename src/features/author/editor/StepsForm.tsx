// Every step of the draft as a card, plus adding a step of any kind. Removing
// a step leaves links to it for the validator to point out, so nothing is
// silently rewired. Cards get stable callbacks and a memoised context; the
// "leads to" lists follow the titles a moment later (deferred) so typing
// stays fast on a long SOP.
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { STEP_KIND_NAMES, type Problem, type SopDocument, type Step, type StepKindName } from '../../../engine';
import { STEP_KIND_LABEL } from '../editors';
import type { StepContext } from '../editors/types';
import { linkOptionsOf } from './fields';
import { StepCard } from './StepCard';
import { addReferenceToStep, addStep, removeStep, renameStep, replaceStep } from './stepOps';

interface Props {
  doc: SopDocument;
  problems: readonly Problem[];
  selected: string | null;
  onChange(next: SopDocument): void;
  onSelect(stepId: string): void;
}

const NO_PROBLEMS: readonly Problem[] = [];
/** Cards drawn at once: a 5,000-step SOP stays quick to open and to leave; the rest come a page at a time. */
export const STEPS_PER_PAGE = 200;

export function StepsForm({ doc, problems, selected, onChange, onSelect }: Props) {
  const id = useId();
  const [kind, setKind] = useState<StepKindName>('question');
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const [shown, setShown] = useState(STEPS_PER_PAGE);
  const toggle = useCallback((stepId: string) => {
    setOpened((current) => {
      const next = new Set(current);
      if (next.has(stepId)) next.delete(stepId);
      else next.add(stepId);
      return next;
    });
  }, []);
  const latest = useRef({ doc, onChange, onSelect });
  latest.current = { doc, onChange, onSelect };

  const deferredSteps = useDeferredValue(doc.steps);
  const linkKey = deferredSteps.map((s) => `${s.id}\u0000${s.title}\u0000${s.kind}`).join('\u0001');
  const linkSteps = useRef(deferredSteps);
  linkSteps.current = deferredSteps;
  const linkOptions = useMemo(() => linkOptionsOf(linkSteps.current), [linkKey]);
  const idsKey = doc.steps.map((s) => s.id).join('\n');
  const stepIds = useMemo(() => new Set(idsKey.split('\n')), [idsKey]);
  const context: StepContext = useMemo(
    () => ({ roles: doc.roles, references: doc.references, modalities: doc.modalities, start: doc.start, linkOptions, stepIds }),
    [doc.roles, doc.references, doc.modalities, doc.start, linkOptions, stepIds],
  );

  const problemsByStep = useMemo(() => {
    const map = new Map<string, Problem[]>();
    const indexOfPath = /^steps\[(\d+)\]/;
    for (const p of problems) {
      const index = indexOfPath.exec(p.path)?.[1];
      const stepId = p.stepId ?? (index !== undefined ? latest.current.doc.steps[Number(index)]?.id : undefined);
      if (stepId !== undefined) map.set(stepId, [...(map.get(stepId) ?? []), p]);
    }
    return map;
  }, [problems]);

  const change = useCallback((stepId: string, next: Step) => {
    latest.current.onChange(replaceStep(latest.current.doc, stepId, next));
  }, []);
  const rename = useCallback((from: string, to: string) => {
    latest.current.onChange(renameStep(latest.current.doc, from, to));
    latest.current.onSelect(to);
  }, []);
  const addReference = useCallback((stepId: string, reference: { title: string; url?: string }) => {
    latest.current.onChange(addReferenceToStep(latest.current.doc, stepId, reference));
  }, []);
  const remove = useCallback((stepId: string) => {
    if (window.confirm(`Remove step “${stepId}”? Links to it will need reconnecting.`)) latest.current.onChange(removeStep(latest.current.doc, stepId));
  }, []);

  return (
    <section aria-label="Steps" className="steps-form">
      <h2>Steps ({doc.steps.length})</h2>
      {doc.steps.map((step, index) => (index >= shown && step.id !== selected ? null : (
        <StepCard
          key={`${index}-${step.kind}`}
          step={step}
          context={context}
          problems={problemsByStep.get(step.id) ?? NO_PROBLEMS}
          selected={selected === step.id}
          open={opened.has(step.id)}
          onToggle={toggle}
          onChange={change}
          onRename={rename}
          onRemove={remove}
          onAddReference={addReference}
        />
      )))}
      {doc.steps.length > shown && (
        <button type="button" className="button button--secondary" onClick={() => setShown((n) => n + STEPS_PER_PAGE)}>
          {`Show the next ${Math.min(STEPS_PER_PAGE, doc.steps.length - shown)} steps (${(doc.steps.length - shown).toLocaleString('en-GB')} not shown yet)`}
        </button>
      )}
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
