// The one shape every check reports in: severity, JSON path, step id and a
// plain-English message. Authors read these; they never see a stack trace.
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable machine-readable code, e.g. "graph/unreachable". */
  code: string;
  /** JSON path like steps[3].options[1].next ("" for the whole document). */
  path: string;
  stepId?: string;
  message: string;
}

export function problem(
  severity: Severity,
  code: string,
  path: string,
  message: string,
  stepId?: string,
): Problem {
  return stepId === undefined ? { severity, code, path, message } : { severity, code, path, message, stepId };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
