// The governance-file print of one SOP version (A4 portrait): the diagram,
// every step's text, contacts by role with this service's numbers, the
// references and the sign-off block with the content hash.
import { useEffect, useState } from 'react';
import { listDirectory } from '../../../db/config';
import type { DirectoryRow } from '../../../db/database';
import type { LogDb } from '../../../db/database';
import { Button } from '../../../ui/Button';
import { AppLink } from '../AppLink';
import { AUTHOR_ROOT, viewPath } from '../authorPaths';
import { SopDiagram } from '../diagram/SopDiagram';
import { useLibrary } from '../library/useLibrary';
import { StepDetails } from '../version/StepDetails';
import { adaptationState } from './localAdaptation';
import './print.css';
import { FocusedHeading } from '../../../ui/FocusedHeading';
import { SummaryList, SummaryRow } from '../../../ui/SummaryList';

export function PrintView({ versionKey, db }: { versionKey: string; db?: LogDb }) {
  const { entries, loaded } = useLibrary(db);
  const [directory, setDirectory] = useState<DirectoryRow[]>([]);
  useEffect(() => {
    listDirectory(db).then(setDirectory, () => setDirectory([]));
  }, [db]);
  const entry = entries.find((e) => e.key === versionKey);
  if (!loaded) return <p role="status">Preparing the print view…</p>;
  if (!entry?.doc) {
    return (
      <>
        <FocusedHeading>Nothing to print</FocusedHeading>
        <AppLink href={AUTHOR_ROOT}>Back to the library</AppLink>
      </>
    );
  }
  const doc = entry.doc;
  const approval = doc.approval ?? null;
  const byRole = new Map(directory.map((d) => [d.roleId, d]));
  const templates = entries.flatMap((e) => (e.source === 'built-in' && e.doc ? [e.doc] : []));
  const adaptation = adaptationState(doc, templates);
  return (
    <article className="print-view">
      <div className="print-view__controls">
        {/* A draft has no version page (a draft under review is opened from the library's import panel). */}
        {entry.status === 'draft' ? <AppLink href={AUTHOR_ROOT}>← Back to the library</AppLink> : <AppLink href={viewPath(entry.key)}>← Back</AppLink>}
        <Button onClick={() => window.print()}>Print</Button>
      </div>
      <header className="print-view__header">
        <FocusedHeading>{doc.title}</FocusedHeading>
        <p>
          Version {doc.version} · {doc.status === 'approved' ? 'Approved' : doc.status === 'template' ? 'Template (not signed off locally)' : 'Draft'} · Review due {doc.reviewDue}
          {entry.overdue ? ' (overdue)' : ''}
        </p>
        <p><strong>Finding:</strong> {doc.finding}</p>
        {adaptation.state === 'updated' && <p><strong>Local adaptation (updated at sign-off on {approval?.date}):</strong> {adaptation.text}</p>}
        {adaptation.state === 'not-approved' && adaptation.text && <p><strong>Local adaptation:</strong> {adaptation.text}</p>}
        {adaptation.state === 'template-text' && (
          <div className="print-flag" role="note" aria-label="Local adaptation not updated">
            <p><strong>! Local adaptation not updated:</strong> this approved version still carries the template&apos;s checklist below. Record what was adapted locally in a new version.</p>
            <p>{adaptation.text}</p>
          </div>
        )}
        {adaptation.state === 'missing' && (
          <p className="print-flag" role="note" aria-label="Local adaptation missing"><strong>! Local adaptation not recorded:</strong> this approved version says nothing about what was adapted locally.</p>
        )}
      </header>
      <section className="print-section print-diagram">
        <h2>Flow</h2>
        <SopDiagram doc={doc} problems={entry.problems} still />
      </section>
      <section className="print-section">
        <h2>Contacts by role</h2>
        <table className="print-table">
          <thead>
            <tr><th scope="col">Role</th><th scope="col">Name or team</th><th scope="col">Phone</th><th scope="col">Bleep / ext.</th><th scope="col">Hours</th><th scope="col">Fallback</th></tr>
          </thead>
          <tbody>
            {doc.roles.map((role) => {
              const d = byRole.get(role.id);
              return (
                <tr key={role.id}>
                  <th scope="row">{role.title}</th>
                  <td>{d?.name || (d ? '—' : 'Not configured')}</td>
                  <td>{d?.phone || '—'}</td>
                  <td>{d?.extension || '—'}</td>
                  <td>{d?.hours || '—'}</td>
                  <td>{d?.fallbackRoleId ? doc.roles.find((r) => r.id === d.fallbackRoleId)?.title ?? d.fallbackRoleId : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="print-section">
        <h2>Steps</h2>
        {doc.steps.map((step) => <StepDetails key={step.id} step={step} doc={doc} />)}
      </section>
      <section className="print-section">
        <h2>References</h2>
        <ol>
          {doc.references.map((ref) => (
            <li key={ref.id}>
              [{ref.id}] {ref.title}{ref.publisher ? `, ${ref.publisher}` : ''}{ref.year ? ` (${ref.year})` : ''}{ref.url ? `. ${ref.url}` : ''}{ref.note ? `. ${ref.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
      <section className="print-section sign-off-block" aria-label="Sign-off">
        <h2>Sign-off</h2>
        <SummaryList>
          <SummaryRow label="Approved by">{approval ? approval.name : '______________________'}</SummaryRow>
          <SummaryRow label="Role">{approval ? approval.role : '______________________'}</SummaryRow>
          <SummaryRow label="Date">{approval ? approval.date : '______________________'}</SummaryRow>
          <SummaryRow label="Review due">{doc.reviewDue}</SummaryRow>
          <SummaryRow label="Content hash" valueClassName="hash">{entry.key}</SummaryRow>
        </SummaryList>
      </section>
    </article>
  );
}
