// Problems as lines an author can read in a terminal or CI log:
// 'file: step "callRegistrar": outcome 2: leads to (steps[8].outcomes[1].next): error: message'
// — the step by id, the field in the form's words, the JSON path for editors.
import type { Problem } from '../validate/problem';
import { locateProblem } from './problemLocation';

export function formatProblem(file: string, p: Problem, doc?: unknown): string {
  const path = p.path === '' ? '(document)' : p.path;
  const located = locateProblem(p, doc);
  const stepId = located.stepId ?? p.stepId;
  const where = stepId !== undefined ? `step "${stepId}"${located.field ? `: ${located.field}` : ''} (${path})` : path;
  return `${file}: ${where}: ${p.severity}: ${p.message}`;
}

export function summariseProblems(files: number, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
