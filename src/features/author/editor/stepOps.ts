// Structural edits an author makes to a draft: add, remove, rename and
// reconnect steps. Pure functions returning a new document, so undo, autosave
// and live validation all see plain values.
import type { SopDocument, Step } from '../../../engine/schema/document';
import type { StepKindName } from '../../../engine/steps/registry';
import { stepKindOf } from '../../../engine/steps/registry';

/** A fresh id like "newStep", "newStep2" that no step uses yet. */
export function freshStepId(doc: SopDocument, base = 'newStep'): string {
  const taken = new Set(doc.steps.map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** A new step of a kind, with every required field present so the form can show it; links start empty. */
export function blankStep(kind: StepKindName, id: string, doc: SopDocument): Step {
  switch (kind) {
    case 'question':
      return { id, kind, title: '', options: [
        { id: 'yes', label: 'Yes', next: '' },
        { id: 'not-sure', label: 'Not sure', notSure: true, next: '' },
      ] };
    case 'actions':
      return { id, kind, title: '', items: [{ id: 'item1', text: '' }], next: '' };
    case 'contact':
      return { id, kind, title: '', role: doc.roles[0]?.id ?? '',
        sbar: { situation: '', background: '', assessment: '', recommendation: '' },
        outcomes: [
          { id: 'accepted', label: 'Accepted the patient', result: 'accepted', next: '' },
          { id: 'no-answer', label: 'No answer', result: 'noAnswer', next: '' },
        ] };
    case 'wait':
      return { id, kind, title: '', minutes: 10, onExpire: '', endEarly: [] };
    case 'modality':
      return { id, kind, title: '', routes: Object.fromEntries(doc.modalities.map((m) => [m, ''])) };
    case 'outcome':
      return { id, kind, title: '', urgency: 'same-day', disposition: '', reportWording: '', document: [''] };
  }
}

export function addStep(doc: SopDocument, kind: StepKindName): { doc: SopDocument; id: string } {
  const id = freshStepId(doc);
  // The first step of a new SOP becomes its start, so a blank SOP needs no JSON to begin.
  const hasStart = doc.steps.some((s) => s.id === doc.start);
  return { doc: { ...doc, ...(hasStart ? {} : { start: id }), steps: [...doc.steps, blankStep(kind, id, doc)] }, id };
}

export function removeStep(doc: SopDocument, stepId: string): SopDocument {
  return { ...doc, steps: doc.steps.filter((s) => s.id !== stepId) };
}

export function replaceStep(doc: SopDocument, stepId: string, next: Step): SopDocument {
  return { ...doc, steps: doc.steps.map((s) => (s.id === stepId ? next : s)) };
}

/** Sets the value at a local field path such as "options[1].next" or "routes.mri", copying on the way. */
export function setAtField<T>(value: T, field: string, target: unknown): T {
  const keys = field.match(/[^.[\]]+/g) ?? [];
  const write = (node: unknown, depth: number): unknown => {
    const key = keys[depth]!;
    const last = depth === keys.length - 1;
    if (Array.isArray(node)) {
      const copy = [...node];
      const index = Number(key);
      copy[index] = last ? target : write(copy[index], depth + 1);
      return copy;
    }
    const record = { ...(node as Record<string, unknown>) };
    record[key] = last ? target : write(record[key], depth + 1);
    return record;
  };
  return keys.length === 0 ? value : (write(value, 0) as T);
}

/** Renames a step and every link to it (successors and the start), so nothing dangles. */
export function renameStep(doc: SopDocument, from: string, to: string): SopDocument {
  if (from === to) return doc;
  const steps = doc.steps.map((step) => {
    let next: Step = step.id === from ? { ...step, id: to } : step;
    for (const successor of stepKindOf(step).successors(step)) {
      if (successor.target === from) next = setAtField(next, successor.field, to);
    }
    return next;
  });
  return { ...doc, start: doc.start === from ? to : doc.start, steps };
}

/** Points one way out of a step (a successor field) at another step. */
export function reconnect(doc: SopDocument, stepId: string, field: string, target: string): SopDocument {
  const step = doc.steps.find((s) => s.id === stepId);
  return step ? replaceStep(doc, stepId, setAtField(step, field, target)) : doc;
}

/** A reference id from its title ("ESC 2020 AF guidelines" → "esc-2020-af-guidelines"), unused in the SOP. */
export function freshReferenceId(doc: SopDocument, title: string): string {
  const words = title.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 6);
  const base = (words.join('-') || 'reference').slice(0, 48).replace(/-+$/, '');
  const taken = new Set(doc.references.map((r) => r.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Adds a new reference to the SOP and cites it in one step. */
export function addReferenceToStep(doc: SopDocument, stepId: string, reference: { title: string; url?: string }): SopDocument {
  const id = freshReferenceId(doc, reference.title);
  const steps = doc.steps.map((s) => {
    if (s.id !== stepId || !('cites' in s || s.kind !== 'modality')) return s;
    const cites = ('cites' in s ? s.cites : undefined) ?? [];
    return { ...s, cites: [...cites, id] } as Step;
  });
  return { ...doc, references: [...doc.references, { id, title: reference.title, ...(reference.url ? { url: reference.url } : {}) }], steps };
}
