// The validator's problems grouped by step, in plain words, errors before
// warnings. Clicking a step's heading (when offered) jumps to its editor.
import type { Problem } from '../../engine';

interface Props {
  problems: readonly Problem[];
  onSelectStep?(stepId: string): void;
  title?: string;
}

export function groupProblems(problems: readonly Problem[]): Array<{ stepId: string | null; problems: Problem[] }> {
  const groups = new Map<string | null, Problem[]>();
  for (const p of problems) {
    const key = p.stepId ?? null;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .map(([stepId, list]) => ({ stepId, problems: list }))
    .sort((a, b) => (a.stepId === null ? -1 : b.stepId === null ? 1 : 0));
}

export function ProblemList({ problems, onSelectStep, title }: Props) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const warningWords = `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  const heading =
    title ??
    (errors === 0
      ? `No errors. ${warningWords} to review`
      : `${errors} ${errors === 1 ? 'problem' : 'problems'} to fix${warnings ? `, ${warningWords}` : ''}`);
  return (
    <section className="problem-list" aria-label="Problems found">
      <h2 className="problem-list__title">{heading}</h2>
      {groupProblems(problems).map((group) => (
        <div key={group.stepId ?? '(document)'} className="problem-list__group">
          <h3>
            {group.stepId === null ? (
              'Whole SOP'
            ) : onSelectStep ? (
              <button type="button" className="link-button" onClick={() => onSelectStep(group.stepId!)}>
                Step “{group.stepId}”
              </button>
            ) : (
              `Step “${group.stepId}”`
            )}
          </h3>
          <ul>
            {group.problems.map((p, i) => (
              <li key={`${p.code}-${p.path}-${i}`} className={`problem problem--${p.severity}`}>
                <strong>{p.severity === 'error' ? 'Error' : 'Warning'}:</strong> {p.message}
                {p.path && <span className="problem__path"> ({p.path})</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
