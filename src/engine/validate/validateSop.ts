// The validator's front door: guards hostile input, checks the schema, then
// the graph, the position statement's rules and governance, returning every
// problem at once. It never throws, whatever it is given.
import * as v from 'valibot';
import { sopDocumentSchema, type SopDocument } from '../schema/document';
import { stepKindOf } from '../steps/registry';
import { citationProblems, graphProblems } from './graphRules';
import { governanceProblems } from './governanceRules';
import { guardText, guardValue } from './hostileGuard';
import { positionProblems, type DirectoryPhones } from './positionRules';
import { hasErrors, problem, type Problem } from './problem';
import { schemaProblems } from './schemaProblems';
import { buildStepGraph } from './stepGraph';

export interface ValidateOptions {
  /** Today's date (YYYY-MM-DD or a Date) for the review-date check; defaults to now. */
  today?: string | Date;
  /** The local directory's number per role id: a role the directory gives 999, 111 or 112 is an ambulance line. */
  directoryPhones?: DirectoryPhones;
}

export interface ValidationResult {
  ok: boolean;
  /** Present when the document passed the schema (even with rule errors, for tools that want to show it). */
  doc?: SopDocument;
  problems: Problem[];
}

const toIsoDay = (today: string | Date | undefined): string =>
  typeof today === 'string' ? today : (today ?? new Date()).toISOString().slice(0, 10);

const order = (a: Problem, b: Problem): number =>
  a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1;

function checkDocument(doc: SopDocument, today: string, phones: DirectoryPhones): Problem[] {
  const graph = buildStepGraph(doc);
  const stepProblems = doc.steps.flatMap((s, i) => stepKindOf(s).check(s, doc, `steps[${i}]`));
  return [
    ...graphProblems(graph),
    ...stepProblems,
    ...citationProblems(graph),
    ...positionProblems(graph, phones),
    ...governanceProblems(doc, today),
  ];
}

export function validateSop(value: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    const guarded = guardValue(value);
    if (guarded.length > 0) return { ok: false, problems: guarded };
    const parsed = v.safeParse(sopDocumentSchema, value, { abortEarly: false });
    if (!parsed.success) return { ok: false, problems: schemaProblems(value, parsed.issues) };
    const problems = checkDocument(parsed.output, toIsoDay(options.today), options.directoryPhones ?? {}).sort(order);
    return { ok: !hasErrors(problems), doc: parsed.output, problems };
  } catch {
    // A bug of ours must still reach the author as a message, never a stack trace.
    return { ok: false, problems: [problem('error', 'internal', '', 'the SOP could not be checked because of an unexpected error in the checker')] };
  }
}

/** Parse a file's text (JSON) and validate it. */
export function parseSopText(text: string, options: ValidateOptions = {}): ValidationResult {
  const tooBig = guardText(text);
  if (tooBig.length > 0) return { ok: false, problems: tooBig };
  let value: unknown;
  try {
    // Editors on Windows may save a byte-order mark; it is not part of the JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.replace(/^JSON\.parse: /, '') : 'unreadable';
    return { ok: false, problems: [problem('error', 'input/not-json', '', `the file is not valid JSON (${detail.slice(0, 160)})`)] };
  }
  return validateSop(value, options);
}
