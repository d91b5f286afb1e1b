// Problems as lines an author can read in a terminal or CI log:
// "file: path: error: message".
import type { Problem } from '../validate/problem';

export function formatProblem(file: string, p: Problem): string {
  return `${file}: ${p.path === '' ? '(document)' : p.path}: ${p.severity}: ${p.message}`;
}

export function summariseProblems(files: number, problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
