// Editing a draft: live problems by step, the structured form (or the JSON
// view), the diagram (click a step to edit it), every path played in the
// sandbox runner, and the sign-off form. Typing is never blocked.
import { useEffect, useState } from 'react';
import { navigate } from '../../../shared/router';
import type { LogDb } from '../../../db/database';
import { hasErrors } from '../../../engine/validate/problem';
import { AppLink } from '../AppLink';
import { AUTHOR_ROOT, viewPath } from '../authorPaths';
import { SopDiagram } from '../diagram/SopDiagram';
import { PathExplorer } from '../paths/PathExplorer';
import { ProblemList, type FormArea } from '../ProblemList';
import { DocumentForm } from './DocumentForm';
import { JsonView } from './JsonView';
import { PublishForm } from './PublishForm';
import { StepsForm } from './StepsForm';
import { useDraftEditor, type SaveState } from './useDraftEditor';
import { FocusedHeading } from '../../../ui/FocusedHeading';
import { WarningCallout } from '../../../ui/WarningCallout';

type Tab = 'form' | 'diagram' | 'paths' | 'json';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'form', label: 'Form' },
  { id: 'diagram', label: 'Diagram' },
  { id: 'paths', label: 'Paths' },
  { id: 'json', label: 'JSON' },
];

const SAVE_WORDS: Record<SaveState, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  unsaved: 'Changes not saved yet',
  held: 'Not saved: this imported file is kept on this screen only until its errors are fixed',
  failed: 'Changes could not be saved on this device',
};

export function EditorView({ draftKey, db }: { draftKey: string; db?: LogDb }) {
  const editor = useDraftEditor(draftKey, db);
  const [tab, setTab] = useState<Tab>('form');
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    if (tab === 'form' && selected) document.getElementById(`step-${selected}`)?.focus();
  }, [tab, selected]);

  if (editor.status === 'loading') return <p role="status">Opening the draft…</p>;
  if (editor.status === 'missing') {
    return (
      <>
        <FocusedHeading>Draft not found</FocusedHeading>
        <p>This draft is not on this device (it may have been published or deleted).</p>
        <AppLink href={AUTHOR_ROOT}>Back to the library</AppLink>
      </>
    );
  }

  const { doc, problems } = editor;
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  const select = (stepId: string) => {
    setSelected(stepId);
    setTab('form');
  };
  const selectArea = (area: FormArea) => {
    setTab('form');
    // After the form is drawn: move focus to the part of the form the problem is in.
    requestAnimationFrame(() => document.getElementById(`sop-form-${area}`)?.focus());
  };

  return (
    <div className="editor">
      <AppLink href={AUTHOR_ROOT}>← Library</AppLink>
      <FocusedHeading>Edit draft: {doc?.title || 'Untitled SOP'}</FocusedHeading>
      <p role="status" className={`save-state save-state--${editor.saveState}`}>{SAVE_WORDS[editor.saveState]}</p>
      {editor.saveState === 'held' && (
        <WarningCallout>Nothing from this file is stored yet. It will be saved as a draft as soon as every error below is fixed.</WarningCallout>
      )}
      <div aria-live="polite">
        {editor.checked && problems.length === 0 && <p className="no-problems">No problems found.</p>}
        <ProblemList problems={problems} doc={doc ?? undefined} onSelectStep={doc ? select : undefined} onSelectArea={doc ? selectArea : undefined} />
      </div>
      <div className="tabs" role="group" aria-label="Editor views">
        {TABS.map((t) => (
          <button key={t.id} type="button" className="tab" aria-pressed={tab === t.id} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {tab !== 'json' && !doc && (
        <WarningCallout>This draft&apos;s JSON cannot be shown as a form yet. Fix it in the JSON view.</WarningCallout>
      )}
      {tab === 'form' && doc && (
        <>
          <DocumentForm doc={doc} onChange={editor.setDoc} />
          <StepsForm doc={doc} problems={problems} selected={selected} onChange={editor.setDoc} onSelect={setSelected} />
        </>
      )}
      {tab === 'diagram' && doc && <SopDiagram doc={doc} problems={problems} selected={selected} onSelect={select} />}
      {tab === 'paths' && doc && (hasErrors(problems) ? <p>Fix the errors first: paths can only be walked in a valid SOP.</p> : <PathExplorer doc={doc} />)}
      {tab === 'json' && <JsonView text={editor.currentText()} onChange={editor.setText} />}
      <PublishForm
        draftKey={draftKey}
        currentText={editor.currentText}
        doc={doc}
        errorCount={errorCount}
        checked={editor.checked}
        db={db}
        pauseAutosave={editor.pauseAutosave}
        onPublished={(hash) => navigate(viewPath(hash))}
      />
    </div>
  );
}
