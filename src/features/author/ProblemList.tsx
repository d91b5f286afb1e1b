// The validator's problems grouped by step, in the form's words ("Role 9:
// title", "option 2: leads to"), errors before warnings; never a 0-based JSON
// path. A step's heading (when offered) jumps to its editor; a problem in the
// SOP's details, roles or references jumps to that part of the form.
import { locateProblem, type ProblemLocation } from '../../engine/authoring/problemLocation';
import type { Problem } from '../../engine';

export type FormArea = ProblemLocation['area'];

interface Props {
  problems: readonly Problem[];
  /** The document as the author has it (possibly unfinished), to name steps by title. */
  doc?: unknown;
  onSelectStep?(stepId: string): void;
  onSelectArea?(area: Exclude<FormArea, 'step'>): void;
  title?: string;
}

interface Located { problem: Problem; location: ProblemLocation }

export function groupProblems(problems: readonly Problem[], doc?: unknown): Array<{ stepId: string | null; heading: string; items: Located[] }> {
  const groups = new Map<string | null, { heading: string; items: Located[] }>();
  for (const problem of problems) {
    const location = locateProblem(problem, doc);
    const key = location.stepId ?? null;
    const heading = key === null ? 'Whole SOP' : location.where.split(': ')[0]!;
    const group = groups.get(key) ?? { heading, items: [] };
    group.items.push({ problem, location });
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([stepId, group]) => ({ stepId, ...group }))
    .sort((a, b) => (a.stepId === null ? -1 : b.stepId === null ? 1 : 0));
}

/** "Role 9: title: must not be empty" — the place, then what is wrong with it. */
export function problemSentence({ problem, location }: Located): string {
  const place = location.stepId !== undefined ? location.field : location.where === 'Whole SOP' ? '' : location.where;
  return place ? `${place}: ${problem.message}` : problem.message;
}

export function ProblemList({ problems, doc, onSelectStep, onSelectArea, title }: Props) {
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
      {groupProblems(problems, doc).map((group) => (
        <div key={group.stepId ?? '(document)'} className="problem-list__group">
          <h3>
            {group.stepId !== null && onSelectStep ? (
              <button type="button" className="link-button" onClick={() => onSelectStep(group.stepId!)}>
                {group.heading}
              </button>
            ) : (
              group.heading
            )}
          </h3>
          <ul>
            {group.items.map((item, i) => (
              <li key={`${item.problem.code}-${item.problem.path}-${i}`} className={`problem problem--${item.problem.severity}`}>
                <strong>{item.problem.severity === 'error' ? 'Error' : 'Warning'}:</strong>{' '}
                {group.stepId === null && onSelectArea && item.location.area !== 'step' && item.location.where !== 'Whole SOP' ? (
                  <button type="button" className="link-button" onClick={() => onSelectArea(item.location.area as Exclude<FormArea, 'step'>)}>
                    {problemSentence(item)}
                  </button>
                ) : (
                  problemSentence(item)
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
