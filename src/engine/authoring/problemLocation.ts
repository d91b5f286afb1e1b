// Where a problem is, in the words of the author's form ("Role 9: title",
// "Step “Call the registrar”: outcome 2: leads to"), never as a 0-based JSON
// path. The app shows these; the CLI adds them beside the step id.
import type { Problem } from '../validate/problem';

export interface ProblemLocation {
  /** The place in the form's words, e.g. "Role 9: title" or "Step “Check pulse”: option 2: leads to". */
  where: string;
  /** The step to open for it, when it is inside a step. */
  stepId?: string;
  /** The field inside the step, in the form's words ("option 2: leads to"); empty for the whole step. */
  field?: string;
  /** The section of the form it is in. */
  area: 'document' | 'roles' | 'references' | 'step';
}

type Segment = string | number;

/** "steps[3].options[1].next" → ["steps", 3, "options", 1, "next"]; quoted keys are kept whole. */
export function pathSegments(path: string): Segment[] {
  const out: Segment[] = [];
  const pattern = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) out.push(match[1]);
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else {
      try {
        out.push(String(JSON.parse(match[3]!)));
      } catch {
        out.push(match[3]!);
      }
    }
  }
  return out;
}

const DOCUMENT_FIELDS: Record<string, string> = {
  format: 'Format',
  id: 'SOP id',
  title: 'Title',
  shortTitle: 'Short title',
  finding: 'Finding',
  keywords: 'Keywords',
  modalities: 'Modalities',
  version: 'Version',
  status: 'Status',
  approval: 'Sign-off',
  reviewDue: 'Review due',
  localAdaptation: 'Local adaptation notes',
  start: 'Start step',
  roles: 'Contact roles',
  references: 'References',
  steps: 'Steps',
};

const ROLE_FIELDS: Record<string, string> = { id: 'role id', title: 'title', type: 'type', note: 'note' };
const REFERENCE_FIELDS: Record<string, string> = { id: 'reference id', title: 'title', publisher: 'publisher', year: 'year', url: 'web address', note: 'note' };

const STEP_FIELDS: Record<string, string> = {
  id: 'step id',
  kind: 'kind of step',
  title: 'title',
  text: 'text',
  cites: 'references this step is based on',
  next: 'then go to',
  role: 'role to call',
  minutes: 'wait (minutes)',
  onExpire: 'when the time runs out, go to',
  urgency: 'urgency',
  disposition: 'disposition',
  reportWording: 'suggested report wording',
  document: 'what to document',
  options: 'options',
  outcomes: 'outcomes',
  items: 'items',
  endEarly: 'early ends',
  routes: 'routes',
  sbar: 'SBAR',
};

/** A list inside a step: the form's name for one entry of it. */
const STEP_LISTS: Record<string, string> = { options: 'option', outcomes: 'outcome', items: 'item', endEarly: 'early end', document: 'line', cites: 'reference' };

const ITEM_FIELDS: Record<string, string> = {
  id: 'id',
  label: 'label',
  detail: 'detail',
  handover: 'hand-over words',
  notSure: '“not sure” choice',
  next: 'leads to',
  result: 'result',
  text: 'what to do',
  repeatMinutes: 'repeat every (minutes)',
  modalities: 'only for these modalities',
  cites: 'references',
};

const SBAR_FIELDS: Record<string, string> = { situation: 'situation', background: 'background', assessment: 'assessment', recommendation: 'recommendation' };
const ROUTE_WORDS: Record<string, string> = { echo: 'Echo goes to', ct: 'CT goes to', mri: 'MRI goes to' };

const quote = (text: string): string => `“${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;

function stepWords(rest: Segment[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const segment = rest[i]!;
    const after = rest[i + 1];
    if (typeof segment === 'number') continue;
    if (segment in STEP_LISTS && typeof after === 'number') {
      words.push(`${STEP_LISTS[segment]} ${after + 1}`);
      i += 1;
      continue;
    }
    if (segment === 'sbar' && typeof after === 'string') {
      words.push(`SBAR ${SBAR_FIELDS[after] ?? after}`);
      i += 1;
      continue;
    }
    if (segment === 'routes' && typeof after === 'string') {
      words.push(ROUTE_WORDS[after] ?? `${after} route`);
      i += 1;
      continue;
    }
    words.push(words.length > 0 ? ITEM_FIELDS[segment] ?? STEP_FIELDS[segment] ?? segment : STEP_FIELDS[segment] ?? segment);
  }
  return words;
}

interface StepLike { id?: unknown; title?: unknown }
interface DocLike { steps?: unknown; roles?: unknown; references?: unknown }

function entryAt(list: unknown, index: number): StepLike | undefined {
  return Array.isArray(list) ? (list[index] as StepLike | undefined) : undefined;
}

/** The problem's place in the form's words; `doc` is the document as the author has it (may be unfinished). */
export function locateProblem(problem: Pick<Problem, 'path' | 'stepId'>, doc: unknown): ProblemLocation {
  const document = (doc ?? {}) as DocLike;
  const segments = pathSegments(problem.path);
  const [head, index, ...rest] = segments;
  if (head === 'steps' && typeof index === 'number') {
    const step = entryAt(document.steps, index);
    const id = typeof step?.id === 'string' ? step.id : problem.stepId;
    const title = typeof step?.title === 'string' && step.title.trim() !== '' ? step.title : undefined;
    const name = title ? `Step ${quote(title)}` : id ? `Step “${id}” (untitled)` : `Step ${index + 1}`;
    const words = stepWords(rest);
    return { where: [name, ...words].join(': '), ...(id ? { stepId: id } : {}), field: words.join(': '), area: 'step' };
  }
  if (head === undefined && problem.stepId !== undefined) {
    const list = Array.isArray(document.steps) ? (document.steps as StepLike[]) : [];
    const step = list.find((s) => s?.id === problem.stepId);
    const title = typeof step?.title === 'string' && step.title.trim() !== '' ? step.title : undefined;
    return { where: title ? `Step ${quote(title)}` : `Step “${problem.stepId}”`, stepId: problem.stepId, area: 'step' };
  }
  if ((head === 'roles' || head === 'references') && typeof index === 'number') {
    const fields = head === 'roles' ? ROLE_FIELDS : REFERENCE_FIELDS;
    const noun = head === 'roles' ? 'Role' : 'Reference';
    const field = rest.find((s): s is string => typeof s === 'string');
    return { where: field ? `${noun} ${index + 1}: ${fields[field] ?? field}` : `${noun} ${index + 1}`, area: head };
  }
  if (typeof head === 'string') {
    const field = DOCUMENT_FIELDS[head] ?? head;
    const area = head === 'roles' ? 'roles' : head === 'references' ? 'references' : 'document';
    const sub = rest.length > 0 || typeof index === 'number' ? [index, ...rest].filter((s): s is string => typeof s === 'string') : [];
    const entry = typeof index === 'number' ? ` ${index + 1}` : '';
    return { where: `SOP details: ${field}${entry}${sub.length ? `: ${sub.join(': ')}` : ''}`, area };
  }
  return { where: 'Whole SOP', area: 'document' };
}
