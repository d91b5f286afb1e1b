// A new SOP's first draft: blank (no steps yet; the first step added becomes
// the start), or a copy of a template or of any version, under its own id,
// title, finding and modalities. Pure, so the form and the tests share it.
import type { Modality, SopDocument } from '../../../engine';

export interface NewSopFields {
  id: string;
  title: string;
  finding: string;
  modalities: Modality[];
}

export const SOP_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+){0,15}$/;

const oneYearOn = (today: Date): string => {
  const date = new Date(today);
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
};

/** One reason the fields cannot make a new SOP yet: the field, and the problem in the form's words. */
export interface NewSopProblem {
  field: keyof NewSopFields;
  message: string;
}

/** Why the fields cannot make a new SOP yet; empty when they can. */
export function newSopProblems(fields: NewSopFields, takenIds: ReadonlySet<string>): NewSopProblem[] {
  const problems: NewSopProblem[] = [];
  if (!SOP_ID_PATTERN.test(fields.id) || fields.id.length > 64) problems.push({ field: 'id', message: 'SOP id: lower-case words joined by hyphens, e.g. "syncope-on-table"' });
  else if (takenIds.has(fields.id)) problems.push({ field: 'id', message: `SOP id: “${fields.id}” is already used by an SOP in the library; a new SOP needs its own id` });
  if (fields.title.trim() === '') problems.push({ field: 'title', message: 'Title: write the SOP’s title' });
  if (fields.finding.trim() === '') problems.push({ field: 'finding', message: 'Finding: say what is found during the scan' });
  if (fields.modalities.length === 0) problems.push({ field: 'modalities', message: 'Modalities: tick at least one' });
  return problems;
}

export function blankSop(fields: NewSopFields, today = new Date()): SopDocument {
  return {
    format: 'cdc-sop/1',
    id: fields.id,
    title: fields.title.trim(),
    finding: fields.finding.trim(),
    modalities: fields.modalities,
    version: '1.0.0',
    status: 'draft',
    approval: null,
    reviewDue: oneYearOn(today),
    roles: [],
    references: [],
    start: '',
    steps: [],
  } as unknown as SopDocument;
}

/** A copy of `source` as a new SOP: its steps, roles and references, under the new id and words. */
export function sopFrom(source: SopDocument, fields: NewSopFields, today = new Date()): SopDocument {
  // The short title and keywords name the source's finding on the Escalate list: they are the author's to write again.
  const { shortTitle: _shortTitle, keywords: _keywords, ...rest } = source;
  return {
    ...rest,
    id: fields.id,
    title: fields.title.trim(),
    finding: fields.finding.trim(),
    modalities: fields.modalities,
    version: '1.0.0',
    status: 'draft',
    approval: null,
    reviewDue: oneYearOn(today),
  } as SopDocument;
}
