// Two versions of an SOP side by side: what the SOP's own fields changed,
// and each step added, removed or changed (field by field).
import { useMemo } from 'react';
import type { LogDb } from '../../../db/database';
import type { LibraryEntry } from '../../../db/library';
import { AppLink } from '../AppLink';
import { AUTHOR_ROOT } from '../authorPaths';
import { useLibrary } from '../library/useLibrary';
import { diffSops, type FieldChange, type StepDiff } from './diffSops';
import { FocusedHeading } from '../../../ui/FocusedHeading';

const CHANGE_WORD = { added: 'Added', removed: 'Removed', changed: 'Changed', same: 'Unchanged' } as const;

function Changes({ changes }: { changes: FieldChange[] }) {
  return (
    <table className="diff-fields">
      <thead>
        <tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row"><code>{c.field}</code></th>
            <td className="diff-before">{c.before}</td>
            <td className="diff-after">{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StepRow({ diff }: { diff: StepDiff }) {
  return (
    <li className={`diff-step diff-step--${diff.change}`}>
      <h3>
        <span className={`diff-tag diff-tag--${diff.change}`}>{CHANGE_WORD[diff.change]}</span> <code>{diff.stepId}</code>{' '}
        {(diff.after ?? diff.before)?.title}
      </h3>
      <div className="diff-columns">
        <div className="diff-before">{diff.before ? `${diff.before.kind}: ${diff.before.title}` : '—'}</div>
        <div className="diff-after">{diff.after ? `${diff.after.kind}: ${diff.after.title}` : '—'}</div>
      </div>
      {diff.change === 'changed' && <Changes changes={diff.fields} />}
    </li>
  );
}

const name = (e: LibraryEntry) => `${e.status === 'template' ? 'Template' : e.status === 'draft' ? 'Draft' : 'Approved'} ${e.version}`;

export function DiffView({ beforeKey, afterKey, db }: { beforeKey: string; afterKey: string; db?: LogDb }) {
  const { entries, loaded } = useLibrary(db);
  const before = entries.find((e) => e.key === beforeKey);
  const after = entries.find((e) => e.key === afterKey);
  const diff = useMemo(() => (before?.doc && after?.doc ? diffSops(before.doc, after.doc) : null), [before, after]);
  if (!loaded) return <p role="status">Comparing…</p>;
  if (!before || !after || !diff) {
    return (
      <>
        <FocusedHeading>Compare versions</FocusedHeading>
        <p>One of these versions is not on this device or cannot be read.</p>
        <AppLink href={AUTHOR_ROOT}>Back to the library</AppLink>
      </>
    );
  }
  const changed = diff.steps.filter((s) => s.change !== 'same');
  const same = diff.steps.length - changed.length;
  return (
    <div className="diff-view">
      <AppLink href={AUTHOR_ROOT}>← Library</AppLink>
      <FocusedHeading>Compare: {after.title}</FocusedHeading>
      <div className="diff-columns diff-columns--head">
        <p><strong>Before:</strong> {name(before)}</p>
        <p><strong>After:</strong> {name(after)}</p>
      </div>
      <p>
        {diff.steps.filter((s) => s.change === 'added').length} steps added, {diff.steps.filter((s) => s.change === 'removed').length} removed,{' '}
        {diff.steps.filter((s) => s.change === 'changed').length} changed, {same} unchanged.
      </p>
      <section aria-label="SOP details changed">
        <h2>SOP details</h2>
        {diff.metadata.length === 0 ? <p>No changes.</p> : <Changes changes={diff.metadata} />}
      </section>
      <section aria-label="Steps changed">
        <h2>Steps</h2>
        {changed.length === 0 ? <p>No step changed.</p> : <ul className="diff-steps">{changed.map((d) => <StepRow key={`${d.change}-${d.stepId}`} diff={d} />)}</ul>}
      </section>
    </div>
  );
}
