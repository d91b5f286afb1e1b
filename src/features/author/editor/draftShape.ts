// Whether a draft's JSON has the shape the structured form can show (lists
// where lists belong, known step kinds). Anything else is fixed in the JSON view.
import { STEP_KIND_NAMES, type SopDocument } from '../../../engine';

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function formShapeOf(value: unknown): SopDocument | null {
  if (!isObject(value)) return null;
  const lists = ['steps', 'roles', 'references', 'modalities'];
  if (lists.some((key) => !Array.isArray(value[key]))) return null;
  const stepsOk = (value.steps as unknown[]).every(
    (s) => isObject(s) && typeof s.id === 'string' && STEP_KIND_NAMES.includes(s.kind as never),
  );
  const scalarsOk = ['title', 'version', 'reviewDue', 'start', 'finding'].every((key) => value[key] === undefined || typeof value[key] === 'string');
  return stepsOk && scalarsOk ? (value as unknown as SopDocument) : null;
}
