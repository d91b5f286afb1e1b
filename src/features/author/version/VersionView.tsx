// One frozen version (an approved version or a built-in template), read-only:
// any change starts a new draft. Shows its sign-off, diagram, paths and steps.
import { useState } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { navigate } from '../../../shared/router';
import { restoreVersion, startDraft } from '../../../db/library';
import type { LogDb } from '../../../db/database';
import { StorageError } from '../../../db/database';
import { AppLink } from '../AppLink';
import { AUTHOR_ROOT, comparePath, editPath, printPath } from '../authorPaths';
import { SopDiagram } from '../diagram/SopDiagram';
import { exportEntry } from '../library/LibraryView';
import { useLibrary } from '../library/useLibrary';
import { PathExplorer } from '../paths/PathExplorer';
import { ProblemList } from '../ProblemList';
import { StepDetails } from './StepDetails';
import { FocusedHeading } from '../../../ui/FocusedHeading';

type Tab = 'diagram' | 'paths' | 'steps';

export function VersionView({ versionKey, db }: { versionKey: string; db?: LogDb }) {
  const { entries, loaded, reload } = useLibrary(db);
  const [tab, setTab] = useState<Tab>('diagram');
  const [message, setMessage] = useState<string | null>(null);
  const entry = entries.find((e) => e.key === versionKey);
  if (!loaded) return <p role="status">Opening…</p>;
  if (!entry || entry.status === 'draft') {
    return (
      <>
        <FocusedHeading>SOP version not found</FocusedHeading>
        <AppLink href={AUTHOR_ROOT}>Back to the library</AppLink>
      </>
    );
  }
  const doc = entry.doc;
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (caught) {
      setMessage(caught instanceof StorageError ? caught.userMessage : 'That could not be done on this device.');
    }
  };
  const approval = doc?.approval ?? null;
  const others = entries.filter((e) => e.sopId === entry.sopId && e.key !== entry.key && e.doc !== null);
  return (
    <div className="version-view">
      <AppLink href={AUTHOR_ROOT}>← Library</AppLink>
      <FocusedHeading>{entry.title}</FocusedHeading>
      <p className="version-view__facts">
        <span className={`status-tag status-tag--${entry.status}`}>{entry.status === 'approved' ? 'Approved' : 'Template'}</span> Version {entry.version}
        {entry.inUse && <span className="in-use-tag"> In use on Escalate</span>}
      </p>
      <p>
        {approval ? `Signed off by ${approval.name}, ${approval.role}, on ${approval.date}.` : 'Not signed off locally: a template.'} Review due{' '}
        <span className={entry.overdue ? 'overdue' : undefined}>{entry.reviewDue}{entry.overdue ? ' (overdue)' : ''}</span>.
      </p>
      {entry.signOff && <p className="hash">Sign-off recorded for content hash {entry.key}</p>}
      <Banner>This version is frozen. To change it, start a new draft from it.</Banner>
      {message && <Banner tone="error">{message}</Banner>}
      {entry.broken && <ProblemList problems={entry.problems} doc={entry.document} title="This stored version no longer passes the checks and is not run" />}
      <div className="button-row">
        {doc && <Button onClick={() => void act(async () => navigate(editPath(await startDraft(doc, db))))}>Start a draft from this</Button>}
        {doc && <Button variant="secondary" onClick={() => exportEntry(entry)}>Export JSON</Button>}
        <AppLink className="button button--secondary" href={printPath(entry.key)}>Print view</AppLink>
        {entry.status === 'approved' && !entry.inUse && !entry.broken && (
          <Button
            variant="secondary"
            onClick={() => void act(async () => {
              await restoreVersion(entry.sopId, entry.key, db);
              await reload();
            })}
          >
            Restore this version
          </Button>
        )}
      </div>
      {others.length > 0 && (
        <nav aria-label="Compare with another version" className="compare-links">
          <h2>Compare</h2>
          <ul>
            {others.map((other) => (
              <li key={other.key}>
                <AppLink href={comparePath(other.key, entry.key)}>
                  What changed since {other.status === 'template' ? 'the template' : `${other.status} version`} {other.version}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {doc && (
        <>
          <div className="tabs" role="group" aria-label="Views">
            {(['diagram', 'paths', 'steps'] as const).map((t) => (
              <button key={t} type="button" className="tab" aria-pressed={tab === t} onClick={() => setTab(t)}>
                {t === 'diagram' ? 'Diagram' : t === 'paths' ? 'Paths' : 'Steps'}
              </button>
            ))}
          </div>
          {tab === 'diagram' && <SopDiagram doc={doc} problems={entry.problems} />}
          {tab === 'paths' && !entry.broken && <PathExplorer doc={doc} />}
          {tab === 'steps' && doc.steps.map((step) => <StepDetails key={step.id} step={step} doc={doc} />)}
        </>
      )}
    </div>
  );
}
