// What publishing a draft changes, in a few lines for the confirmation:
// steps added, removed and changed (by title), and which SOP details differ,
// against the version the Escalate screen runs now (or "a new SOP").
import type { SopDocument } from '../../../engine/schema/document';
import { diffSops } from './diffSops';

export interface ChangeSummary {
  headline: string;
  lines: string[];
}

const MAX_NAMED = 8;
const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;

/** Fields that change on every publication by design; they are not news. */
const ALWAYS_CHANGE = new Set(['status', 'approval', 'version', 'reviewDue']);

function named(titles: string[]): string {
  const shown = titles.slice(0, MAX_NAMED).map((t) => `“${t}”`).join(', ');
  return titles.length > MAX_NAMED ? `${shown} and ${titles.length - MAX_NAMED} more` : shown;
}

export function summariseChanges(before: SopDocument | null, after: SopDocument): ChangeSummary {
  if (!before) {
    return { headline: `A new SOP: nothing on the Escalate screen uses “${after.id}” yet. It has ${plural(after.steps.length, 'step')}.`, lines: [] };
  }
  const diff = diffSops(before, after);
  const titleOf = (s: { after?: { title: string }; before?: { title: string }; stepId: string }) => s.after?.title || s.before?.title || s.stepId;
  const added = diff.steps.filter((s) => s.change === 'added').map(titleOf);
  const removed = diff.steps.filter((s) => s.change === 'removed').map(titleOf);
  const changed = diff.steps.filter((s) => s.change === 'changed').map(titleOf);
  const details = [...new Set(diff.metadata.map((c) => c.field.split(/[.[]/)[0]!).filter((f) => !ALWAYS_CHANGE.has(f)))];
  const lines: string[] = [];
  if (changed.length) lines.push(`${plural(changed.length, 'step')} changed: ${named(changed)}`);
  if (added.length) lines.push(`${plural(added.length, 'step')} added: ${named(added)}`);
  if (removed.length) lines.push(`${plural(removed.length, 'step')} removed: ${named(removed)}`);
  if (details.length) lines.push(`SOP details changed: ${details.join(', ')}`);
  const from = before.status === 'template' ? 'the built-in template' : `approved version ${before.version}`;
  const headline = lines.length === 0
    ? `Compared with ${from} (in use now), nothing changes but the version and sign-off.`
    : `Compared with ${from} (in use now):`;
  return { headline, lines };
}
