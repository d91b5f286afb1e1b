// Checks that catch an author's slips the schema cannot see: a date that is
// written correctly but is not a day (2027-02-30), a role note holding what
// looks like a phone number or a person's name (the directory in Settings
// holds those, never the SOP), and a wait whose words still state another
// number of minutes than the wait itself.
import type { SopDocument } from '../schema/document';
import { stepKindOf } from '../steps/registry';
import { problem, type Problem } from './problem';

/** A YYYY-MM-DD that is a real day: the ISO pattern alone lets 2027-02-30 through. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function dateProblems(doc: SopDocument): Problem[] {
  const problems: Problem[] = [];
  if (!isCalendarDate(doc.reviewDue)) {
    problems.push(problem('error', 'schema/impossible-date', 'reviewDue', `${doc.reviewDue} is not a day in the calendar`));
  }
  if (doc.approval && !isCalendarDate(doc.approval.date)) {
    problems.push(problem('error', 'schema/impossible-date', 'approval.date', `${doc.approval.date} is not a day in the calendar`));
  }
  return problems;
}

/** National numbers are facts an SOP may state; anything else with this many digits is a local number. */
const NATIONAL_NUMBERS = new Set(['999', '111', '112']);
const PHONE_LIKE = /(?:\+|\b)\d[\d ()-]{4,}\d\b/g;
const EXTENSION_LIKE = /\b(?:bleep|ext\.?|extension|pager|tel\.?|phone|mobile|dial)\s*:?\s*#?\d{3,}/i;
const TITLE_AND_NAME = /\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sister|Nurse)\.?\s+[A-Z][a-z'’-]+/;
const ASK_FOR_NAME = /\b(?:ask for|speak to|contact|call)\s+[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+/;

/** Why a note looks like it holds a local number or a person's name, or null. */
export function personalDetailIn(note: string): string | null {
  for (const match of note.matchAll(PHONE_LIKE)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length >= 6 && !NATIONAL_NUMBERS.has(digits)) return `looks like a phone number (“${match[0].trim()}”)`;
  }
  const extension = EXTENSION_LIKE.exec(note);
  if (extension && !NATIONAL_NUMBERS.has(extension[0].replace(/\D/g, ''))) return 'looks like a phone, bleep or extension number';
  const named = TITLE_AND_NAME.exec(note) ?? ASK_FOR_NAME.exec(note);
  if (named) return `looks like a person's name (“${named[0]}”)`;
  return null;
}

export function roleNoteProblems(doc: SopDocument): Problem[] {
  const problems: Problem[] = [];
  doc.roles.forEach((role, i) => {
    if (role.note === undefined) return;
    const why = personalDetailIn(role.note);
    if (why) {
      problems.push(problem('warning', 'governance/personal-detail', `roles[${i}].note`,
        `the note ${why}; an SOP holds roles only: numbers and names go in Settings › Contacts directory`));
    }
  });
  return problems;
}

const MINUTES_STATED = /\b(every\s+)?(\d{1,4})\s*(?:-|\s)?(?:min|mins|minute|minutes)\b/gi;

/**
 * The first other number of minutes the words state, when they never state
 * the wait's own. "every 5 minutes" is a cadence (observations), not the wait.
 */
function statedMinutes(text: string | undefined, minutes: number): string | null {
  if (!text) return null;
  let other: string | null = null;
  for (const match of text.matchAll(MINUTES_STATED)) {
    if (match[1] !== undefined) continue;
    if (Number(match[2]) === minutes) return null;
    other ??= match[0];
  }
  return other;
}

/**
 * A wait's minutes and its words must agree: its own title and text, its
 * early-end labels, and the labels of the choices that lead into it
 * ("No answer: wait 10 minutes"). Changing the minutes flags each of them.
 */
export function waitWordingProblems(doc: SopDocument): Problem[] {
  const problems: Problem[] = [];
  const waits = new Map<string, number>();
  doc.steps.forEach((s) => {
    if (s.kind === 'wait' && !waits.has(s.id)) waits.set(s.id, s.minutes);
  });
  if (waits.size === 0) return problems;
  const flag = (path: string, stepId: string, said: string, minutes: number, where: string) =>
    problems.push(problem('warning', 'wording/wait-minutes', path, `${where} says “${said}”, but the wait is ${minutes} minutes: update the words or the wait`, stepId));

  doc.steps.forEach((s, i) => {
    if (s.kind === 'wait') {
      const said = statedMinutes(s.title, s.minutes);
      if (said) flag(`steps[${i}].title`, s.id, said, s.minutes, 'the title');
      const inText = statedMinutes(s.text, s.minutes);
      if (inText) flag(`steps[${i}].text`, s.id, inText, s.minutes, 'the text');
      s.endEarly.forEach((o, j) => {
        const inLabel = statedMinutes(o.label, s.minutes);
        if (inLabel) flag(`steps[${i}].endEarly[${j}].label`, s.id, inLabel, s.minutes, 'an early end');
      });
    }
    // The choices that lead into a wait.
    let successors: ReturnType<ReturnType<typeof stepKindOf>['successors']> = [];
    try {
      successors = stepKindOf(s).successors(s);
    } catch {
      return;
    }
    for (const successor of successors) {
      const minutes = waits.get(successor.target);
      if (minutes === undefined || successor.target === s.id) continue;
      const label = labelAt(s, successor.field);
      const said = label ? statedMinutes(label.text, minutes) : null;
      if (label && said) flag(`steps[${i}].${label.path}`, s.id, said, minutes, `the choice leading to the wait “${successor.target}”`);
    }
  });
  return problems;
}

/** The label of the choice whose link field is `field` (e.g. "options[1].next" → options[1].label). */
function labelAt(step: SopDocument['steps'][number], field: string): { text: string; path: string } | null {
  const match = /^(options|outcomes|endEarly)\[(\d+)\]\.next$/.exec(field);
  if (!match) return null;
  const list = (step as unknown as Record<string, Array<{ label?: string }> | undefined>)[match[1]!];
  const label = list?.[Number(match[2])]?.label;
  return label ? { text: label, path: `${match[1]}[${match[2]}].label` } : null;
}
