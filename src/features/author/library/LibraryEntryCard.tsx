// One version in the library: status, version, approver, review date (overdue
// said in words), whether the Escalate screen uses it, and what can be done.
import { Button } from '../../../ui/Button';
import type { LibraryEntry } from '../../../db/library';
import { AppLink } from '../AppLink';
import { comparePath, editPath, printPath, viewPath } from '../authorPaths';
import { SummaryList, SummaryRow } from '../../../ui/SummaryList';

export interface EntryActions {
  startDraft(entry: LibraryEntry): void;
  exportJson(entry: LibraryEntry): void;
  restore(entry: LibraryEntry): void;
  discard(entry: LibraryEntry): void;
}

const STATUS_LABEL = { template: 'Template', draft: 'Draft', approved: 'Approved' } as const;

export function LibraryEntryCard({ entry, inUse, actions }: { entry: LibraryEntry; inUse: LibraryEntry | undefined; actions: EntryActions }) {
  const approval = entry.doc?.approval ?? null;
  const isDraft = entry.status === 'draft';
  const label = `${entry.title} ${STATUS_LABEL[entry.status].toLowerCase()} version ${entry.version}`;
  return (
    <li className={`library-entry library-entry--${entry.status}${entry.inUse ? ' library-entry--in-use' : ''}`} aria-label={label}>
      <div className="library-entry__head">
        <span className={`status-tag status-tag--${entry.status}`}>{STATUS_LABEL[entry.status]}</span>
        <span className="library-entry__version">Version {entry.version}</span>
        {entry.inUse && <span className="in-use-tag">In use on Escalate{entry.pinned ? ' (restored)' : ''}</span>}
        {entry.broken && <span className="broken-tag">Broken: not run</span>}
        {entry.untrusted && <span className="broken-tag">Not trusted: not run</span>}
        {entry.status === 'approved' && entry.signatures.length > 0 && !entry.untrusted && <span className="in-use-tag">Signed</span>}
      </div>
      <SummaryList>
        <SummaryRow label="Approved by">{approval ? `${approval.name}, ${approval.role}, ${approval.date}` : entry.status === 'template' ? 'Not signed off locally' : '—'}</SummaryRow>
        <SummaryRow label="Review due" valueClassName={entry.overdue ? 'overdue' : undefined}>
          {entry.reviewDue || '—'}
          {entry.overdue && <strong> Overdue</strong>}
        </SummaryRow>
        {entry.signOff && <SummaryRow label="Content hash" valueClassName="hash">{entry.key.slice(0, 12)}…</SummaryRow>}
      </SummaryList>
      {entry.broken && (
        <p className="library-entry__broken">This stored version no longer passes the checks ({entry.problems.filter((p) => p.severity === 'error').length} errors), so the Escalate screen will not run it.</p>
      )}
      {entry.untrusted && (
        <p className="library-entry__broken">The Escalate screen will not run this version on this tablet: {entry.untrusted}.</p>
      )}
      <div className="button-row">
        {isDraft ? (
          <AppLink className="button" href={editPath(entry.key)}>Edit draft</AppLink>
        ) : (
          <AppLink className="button button--secondary" href={viewPath(entry.key)}>Open</AppLink>
        )}
        {!isDraft && entry.doc && <Button variant="secondary" onClick={() => actions.startDraft(entry)}>Start a draft from this</Button>}
        {entry.doc && <Button variant="secondary" onClick={() => actions.exportJson(entry)}>{entry.status === 'approved' && entry.signatures.length > 0 ? 'Export signed file' : 'Export JSON'}</Button>}
        {!isDraft && entry.doc && <AppLink className="button button--secondary" href={printPath(entry.key)}>Print</AppLink>}
        {inUse && inUse.key !== entry.key && entry.doc && (
          <AppLink className="button button--secondary" href={comparePath(inUse.key, entry.key)}>Compare with the version in use</AppLink>
        )}
        {entry.status === 'approved' && entry.source === 'local' && !entry.inUse && !entry.broken && (
          <Button variant="secondary" onClick={() => actions.restore(entry)}>Restore this version</Button>
        )}
        {isDraft && <Button variant="danger" onClick={() => actions.discard(entry)}>Delete draft</Button>}
      </div>
    </li>
  );
}
