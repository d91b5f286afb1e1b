// Sign-off: publishing needs a name, role, date and review-due date, and is
// disabled while the validator reports errors. The published version is
// frozen and stored by content hash with the sign-off.
import { useId, useState, type FormEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { LibraryRefusal, publish } from '../../../db/library';
import { StorageError } from '../../../db/database';
import type { LogDb } from '../../../db/database';
import type { SopDocument } from '../../../engine';

interface Props {
  draftKey: string;
  text: string;
  doc: SopDocument | null;
  errorCount: number;
  checked: boolean;
  db?: LogDb;
  pauseAutosave(paused: boolean): void;
  onPublished(hash: string): void;
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

function oneYearOn(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return isoDay(date);
}

export function PublishForm({ draftKey, text, doc, errorCount, checked, db, pauseAutosave, onPublished }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [date, setDate] = useState(isoDay(new Date()));
  const [reviewDue, setReviewDue] = useState(doc && doc.reviewDue > isoDay(new Date()) ? doc.reviewDue : oneYearOn());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const blocked = errorCount > 0 || !checked;
  const complete = name.trim() !== '' && role.trim() !== '' && date !== '' && reviewDue !== '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked || !complete) return;
    setBusy(true);
    setRefusal(null);
    pauseAutosave(true);
    try {
      const { hash } = await publish(JSON.parse(text) as unknown, { name, role, date, reviewDue }, { draftKey, db });
      onPublished(hash);
    } catch (caught) {
      pauseAutosave(false);
      if (caught instanceof LibraryRefusal) setRefusal(caught.problems.length > 0 ? `${caught.message} (${caught.problems[0]!.message})` : caught.message);
      else if (caught instanceof StorageError) setRefusal(caught.userMessage);
      else setRefusal('The SOP could not be published.');
    } finally {
      setBusy(false);
    }
  };

  const field = (label: string, value: string, set: (v: string) => void, type = 'text', hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${label}`}>{label}</label>
      {hint && <span className="field__hint" id={`${id}-${label}-hint`}>{hint}</span>}
      <input id={`${id}-${label}`} type={type} value={value} autoComplete="off" aria-describedby={hint ? `${id}-${label}-hint` : undefined} onChange={(e) => set(e.target.value)} />
    </div>
  );

  return (
    <form className="panel publish-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign off and publish</h2>
      <p>
        Publishing freezes this version: any later change makes a new draft. The sign-off is recorded with the
        SOP&apos;s content hash, and the Escalate screen uses the new version for its finding.
      </p>
      {field('Approver name', name, setName)}
      {field('Approver role', role, setRole, 'text', 'e.g. "Consultant cardiologist, network lead".')}
      {field('Sign-off date', date, setDate, 'date')}
      {field('Review due', reviewDue, setReviewDue, 'date')}
      {blocked && (
        <p className="publish-form__blocked" id={`${id}-blocked`}>
          {checked ? `Publishing is disabled until the ${errorCount} ${errorCount === 1 ? 'error is' : 'errors are'} fixed.` : 'Checking…'}
        </p>
      )}
      {refusal && <Banner tone="error">{refusal}</Banner>}
      <Button type="submit" size="primary" disabled={blocked || !complete || busy} aria-describedby={blocked ? `${id}-blocked` : undefined}>
        Publish version {doc?.version ?? ''}
      </Button>
    </form>
  );
}
