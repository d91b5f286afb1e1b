// One version in the library: status, version, approver, review date (overdue
// said in words), whether the Escalate screen uses it, and what can be done.
import { useId, useState, type FormEvent } from 'react';
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
  withdraw(entry: LibraryEntry, reason: string): Promise<boolean>;
}

/** Withdrawing asks why (the reason goes in the library log) and is said to be final. */
function WithdrawForm({ entry, actions, onClose }: { entry: LibraryEntry; actions: EntryActions; onClose(): void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    if (await actions.withdraw(entry, reason)) onClose();
  };
  return (
    <form className="library-entry__withdraw" onSubmit={(event) => void submit(event)} aria-label={`Withdraw version ${entry.version}`}>
      <p>
        A withdrawn version is never run again on this tablet; the Escalate screen uses the newest approved version left, or the
        template. This cannot be undone: publish a new version instead.
      </p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why is it withdrawn?</label>
        {missing && <p className="field__error" id={`${id}-error`}>Say why: the reason goes in the library log.</p>}
        <textarea id={`${id}-reason`} value={reason} rows={2} maxLength={500} aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="button-row">
        <Button type="submit" variant="danger">Withdraw version {entry.version}</Button>
        <Button variant="secondary" onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}

const STATUS_LABEL = { template: 'Template', draft: 'Draft', approved: 'Approved' } as const;

export function LibraryEntryCard({ entry, inUse, actions }: { entry: LibraryEntry; inUse: LibraryEntry | undefined; actions: EntryActions }) {
  const approval = entry.doc?.approval ?? null;
  const isDraft = entry.status === 'draft';
  const label = `${entry.title} ${STATUS_LABEL[entry.status].toLowerCase()} version ${entry.version}`;
  const [withdrawing, setWithdrawing] = useState(false);
  const canWithdraw = entry.status === 'approved' && entry.source === 'local' && entry.withdrawn === null;
  return (
    <li className={`library-entry library-entry--${entry.status}${entry.inUse ? ' library-entry--in-use' : ''}`} aria-label={label}>
      <div className="library-entry__head">
        <span className={`status-tag status-tag--${entry.status}`}>{STATUS_LABEL[entry.status]}</span>
        <span className="library-entry__version">Version {entry.version}</span>
        {entry.inUse && <span className="in-use-tag">In use on Escalate{entry.pinned ? ' (restored)' : ''}</span>}
        {entry.broken && <span className="broken-tag">Broken: not run</span>}
        {entry.untrusted && <span className="broken-tag">Not trusted: not run</span>}
        {entry.withdrawn && <span className="broken-tag">Withdrawn: not run</span>}
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
      {entry.withdrawn && (
        <p className="library-entry__broken">
          Withdrawn by {entry.withdrawn.by} on {entry.withdrawn.at.slice(0, 10)}: {entry.withdrawn.reason}
        </p>
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
        {canWithdraw && !withdrawing && <Button variant="secondary" onClick={() => setWithdrawing(true)}>Withdraw this version…</Button>}
        {entry.status === 'approved' && entry.source === 'local' && !entry.inUse && !entry.broken && entry.withdrawn === null && (
          <Button variant="secondary" onClick={() => actions.restore(entry)}>Restore this version</Button>
        )}
        {isDraft && <Button variant="danger" onClick={() => actions.discard(entry)}>Delete draft</Button>}
      </div>
      {withdrawing && <WithdrawForm entry={entry} actions={actions} onClose={() => setWithdrawing(false)} />}
    </li>
  );
}
