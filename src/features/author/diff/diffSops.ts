// Compares two versions of an SOP step by step (matched by step id) and field
// by field, so a sign-off meeting can see exactly what a new version changes.
import type { SopDocument, Step } from '../../../engine/schema/document';

export interface FieldChange {
  /** Field path inside the step or document, e.g. "options[1].next". */
  field: string;
  before: string;
  after: string;
}

export interface StepDiff {
  stepId: string;
  change: 'added' | 'removed' | 'changed' | 'same';
  before?: Step;
  after?: Step;
  fields: FieldChange[];
}

export interface SopDiff {
  metadata: FieldChange[];
  steps: StepDiff[];
}

const show = (value: unknown): string => (value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));

/** Leaf-by-leaf differences of two JSON values; arrays are compared by position. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (Object.is(before, after)) return [];
  const bothObjects = before !== null && after !== null && typeof before === 'object' && typeof after === 'object';
  if (!bothObjects || Array.isArray(before) !== Array.isArray(after)) {
    return [{ field: path || '(whole value)', before: show(before), after: show(after) }];
  }
  const changes: FieldChange[] = [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i += 1) changes.push(...diffValues(before[i], after[i], `${path}[${i}]`));
    return changes;
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) changes.push(...diffValues(a[key], b[key], path ? `${path}.${key}` : key));
  return changes;
}

const METADATA_EXCLUDED = new Set(['steps']);

export function diffSops(before: SopDocument, after: SopDocument): SopDiff {
  const metaBefore = Object.fromEntries(Object.entries(before).filter(([k]) => !METADATA_EXCLUDED.has(k)));
  const metaAfter = Object.fromEntries(Object.entries(after).filter(([k]) => !METADATA_EXCLUDED.has(k)));
  const oldById = new Map(before.steps.map((s) => [s.id, s]));
  const newIds = new Set(after.steps.map((s) => s.id));
  const steps: StepDiff[] = after.steps.map((step) => {
    const old = oldById.get(step.id);
    if (!old) return { stepId: step.id, change: 'added', after: step, fields: [] };
    const fields = diffValues(old, step);
    return { stepId: step.id, change: fields.length > 0 ? 'changed' : 'same', before: old, after: step, fields };
  });
  // Removed steps are listed after the ones that remain, in their old order.
  for (const old of before.steps) {
    if (!newIds.has(old.id)) steps.push({ stepId: old.id, change: 'removed', before: old, fields: [] });
  }
  return { metadata: diffValues(metaBefore, metaAfter), steps };
}
