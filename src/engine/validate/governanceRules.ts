// Governance checks: references present (rule 5), review date not passed,
// sign-off recorded for approved SOPs, templates flagged, clinical steps cited.
import type { SopDocument } from '../schema/document';
import { stepKindOf } from '../steps/registry';
import { problem, type Problem } from './problem';

export const TEMPLATE_WARNING = 'template: needs local sign-off before clinical use';

/** `today` as YYYY-MM-DD; ISO dates compare correctly as text. */
export function governanceProblems(doc: SopDocument, today: string): Problem[] {
  const problems: Problem[] = [];
  if (doc.references.length === 0) {
    problems.push(problem('error', 'rule5/no-references', 'references', 'an SOP must list the references it is based on'));
  }
  if (doc.reviewDue < today) {
    problems.push(problem('warning', 'rule5/review-overdue', 'reviewDue', `the review date ${doc.reviewDue} has passed; review the SOP before relying on it`));
  }
  if (doc.status === 'approved' && (doc.approval === undefined || doc.approval === null)) {
    problems.push(problem('error', 'governance/approval-missing', 'approval', 'an approved SOP must record who approved it and when (approval: { name, role, date })'));
  }
  if (doc.approval && doc.approval.date > today) {
    problems.push(problem('warning', 'governance/approval-future', 'approval.date', `the approval date ${doc.approval.date} is in the future`));
  }
  if (doc.status === 'template') {
    problems.push(problem('warning', 'governance/template', 'status', TEMPLATE_WARNING));
  }
  doc.steps.forEach((s, i) => {
    const cites = 'cites' in s ? s.cites : undefined;
    if (stepKindOf(s).clinical && (cites === undefined || cites.length === 0)) {
      problems.push(problem('warning', 'governance/uncited', `steps[${i}]`, `clinical step "${s.id}" cites no reference`, s.id));
    }
  });
  return problems;
}
