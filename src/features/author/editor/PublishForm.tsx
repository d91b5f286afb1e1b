// Sign-off: publishing needs a name, role, date and review-due date, and is
// disabled while the validator reports errors or a field is empty; the
// disabled button says why. Dates are NHS date inputs: a date that does not
// exist, or a review due before the sign-off, is listed in an error summary
// when Publish is pressed, with an inline message on the date.
// Publishing asks first, showing what changes against the version the
// Escalate screen runs now. The published version is frozen and stored by
// content hash with the sign-off.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { DateInput } from '../../../ui/DateInput';
import { ErrorSummary, type FieldProblem } from '../../../ui/ErrorSummary';
import { partsFromIso, readDate, type DateReading } from '../../../ui/calendarDate';
import { activeSopFor, LibraryRefusal, publish } from '../../../db/library';
import { summariseChanges, type ChangeSummary } from '../diff/changeSummary';
import { StorageError } from '../../../db/database';
import type { LogDb } from '../../../db/database';
import type { SopDocument } from '../../../engine';
import { useSigningKeys } from './useSigningKeys';
import { WarningCallout } from '../../../ui/WarningCallout';

interface Props {
  draftKey: string;
  /** The draft as JSON text, written out when publishing. */
  currentText(): string;
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

interface DateProblem extends FieldProblem {
  /** The date input the problem belongs to. */
  dateId: string;
  part?: 'day' | 'month' | 'year';
}

/** What is wrong with the two dates (an empty date is "missing", not wrong). */
function publishDateProblems(id: string, signOff: DateReading, review: DateReading): DateProblem[] {
  const problems: DateProblem[] = [];
  for (const [dateId, reading] of [[`${id}-signed`, signOff], [`${id}-review`, review]] as const) {
    if (reading.kind === 'problem') problems.push({ dateId, part: reading.part, fieldId: `${dateId}-${reading.part}`, message: reading.message });
  }
  if (signOff.kind === 'date' && review.kind === 'date' && review.iso <= signOff.iso) {
    problems.push({ dateId: `${id}-review`, fieldId: `${id}-review-day`, message: 'Review due date must be after the sign-off date' });
  }
  return problems;
}

/** A date input's inline error, once a publish has been refused. */
function shownProblem(problems: readonly DateProblem[], dateId: string, failedSubmits: number) {
  const problem = failedSubmits > 0 ? problems.find((p) => p.dateId === dateId) : undefined;
  return problem ? { message: problem.message, part: problem.part } : null;
}

export function PublishForm({ draftKey, currentText, doc, errorCount, checked, db, pauseAutosave, onPublished }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [dateParts, setDateParts] = useState(() => partsFromIso(isoDay(new Date())));
  const [reviewParts, setReviewParts] = useState(() => partsFromIso(doc && doc.reviewDue > isoDay(new Date()) ? doc.reviewDue : oneYearOn()));
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<ChangeSummary | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const signing = useSigningKeys(db);
  // '' = not signed (a local sign-off); otherwise the key id. Defaults to a key the trust list knows as an approver.
  const [signWith, setSignWith] = useState<string | null>(null);
  const chosenKeyId = signWith ?? (signing.keys.find((k) => k.approver) ?? signing.keys[0])?.keyId ?? '';
  const chosenKey = signing.keys.find((k) => k.keyId === chosenKeyId) ?? null;
  // An author's key signs as the author: the approval then waits for the approver's countersignature.
  const signAs = chosenKey && !chosenKey.approver && chosenKey.author ? 'author' : 'approver';
  const blocked = errorCount > 0 || !checked;
  const signOffReading = readDate(dateParts, 'Sign-off date');
  const reviewReading = readDate(reviewParts, 'Review due date');
  const date = signOffReading.kind === 'date' ? signOffReading.iso : '';
  const reviewDue = reviewReading.kind === 'date' ? reviewReading.iso : '';
  const dateProblems = publishDateProblems(id, signOffReading, reviewReading);
  const missing = [
    name.trim() === '' && 'the approver’s name',
    role.trim() === '' && 'the approver’s role',
    signOffReading.kind === 'empty' && 'the sign-off date',
    reviewReading.kind === 'empty' && 'the review-due date',
    // A signature is checked against the approval block: the name must be the key holder's.
    signAs === 'approver' && chosenKey !== null && name.trim() !== '' && name.trim() !== chosenKey.name && `the approver’s name as the signing key has it (“${chosenKey.name}”)`,
  ].filter((m): m is string => m !== false);
  const complete = missing.length === 0;
  const why = !checked
    ? 'Checking…'
    : errorCount > 0
      ? `Publishing is disabled until the ${errorCount} ${errorCount === 1 ? 'error is' : 'errors are'} fixed (listed at the top).`
      : !complete
        ? `Publishing needs ${missing.join(', ')}.`
        : null;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // The approval block must name the signing key's holder: start from that name once the keys are known.
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current || !signing.loaded) return;
    prefilled.current = true;
    if (chosenKey && signAs === 'approver') setName((current) => current || chosenKey.name);
  }, [signing.loaded, chosenKey, signAs]);

  /** First press: work out what changes and ask. */
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked || !complete || !doc) return;
    if (dateProblems.length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    setRefusal(null);
    let before: SopDocument | null = null;
    try {
      before = (await activeSopFor(doc.id, { db }))?.doc ?? null;
    } catch {
      before = null;
    }
    setConfirming(summariseChanges(before, doc));
  };

  const confirm = async () => {
    if (blocked || !complete || dateProblems.length > 0) return;
    setConfirming(null);
    setBusy(true);
    setRefusal(null);
    pauseAutosave(true);
    try {
      const { hash } = await publish(JSON.parse(currentText()) as unknown, { name, role, date, reviewDue }, { draftKey, db, signWith: chosenKeyId || undefined, signAs });
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

  const field = (label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${label}`}>{label}</label>
      {hint && <span className="field__hint" id={`${id}-${label}-hint`}>{hint}</span>}
      <input id={`${id}-${label}`} type="text" value={value} autoComplete="off" aria-describedby={hint ? `${id}-${label}-hint` : undefined} onChange={(e) => set(e.target.value)} />
    </div>
  );

  return (
    <form className="panel publish-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Sign off and publish</h2>
      <ErrorSummary problems={dateProblems} failedSubmits={failedSubmits} />
      <p>
        Publishing freezes this version: any later change makes a new draft. The sign-off is recorded with the
        SOP&apos;s content hash, and the Escalate screen uses the new version for its finding.
      </p>
      {signing.keys.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-sign`}>Sign the approval with</label>
          <span className="field__hint" id={`${id}-sign-hint`}>
            Tablets of the network run only versions signed by an approver on their trust list.
          </span>
          <select id={`${id}-sign`} value={chosenKeyId} aria-describedby={`${id}-sign-hint`} onChange={(e) => {
            setSignWith(e.target.value);
            const key = signing.keys.find((k) => k.keyId === e.target.value);
            if (key?.approver) setName(key.name);
          }}>
            {signing.keys.map((key) => (
              <option key={key.keyId} value={key.keyId}>{key.name}&apos;s key ({key.keyId.slice(0, 11)}…){key.approver ? ', approver on the trust list' : key.author ? ', author on the trust list (the approver countersigns)' : ', not an approver on the trust list'}</option>
            ))}
            <option value="">Do not sign (a sign-off for this tablet only)</option>
          </select>
        </div>
      )}
      {signAs === 'author' && chosenKey && (
        <Banner tone="info">
          Signed as its author: name the approver below. The version runs once that approver countersigns it: after publishing, export the
          signed file from the library and send it to them.
        </Banner>
      )}
      {signing.loaded && signing.trustListHeld && chosenKey?.approver !== true && signAs !== 'author' && (
        <WarningCallout>
          This tablet holds a trust list: a version that is not signed by an approver on it is kept but never run on the Escalate screen.
        </WarningCallout>
      )}
      {field('Approver name', name, setName)}
      {field('Approver role', role, setRole, 'e.g. "Consultant cardiologist, network lead".')}
      <DateInput id={`${id}-signed`} legend="Sign-off date" hint="For example, 27 3 2026" value={dateParts} onChange={setDateParts} error={shownProblem(dateProblems, `${id}-signed`, failedSubmits)} />
      <DateInput id={`${id}-review`} legend="Review due" value={reviewParts} onChange={setReviewParts} error={shownProblem(dateProblems, `${id}-review`, failedSubmits)} />
      {why && (
        <p className="publish-form__blocked" id={`${id}-blocked`}>
          {why}
        </p>
      )}
      {refusal && <Banner tone="error">{refusal}</Banner>}
      {confirming ? (
        <div className="publish-confirm" role="alertdialog" aria-labelledby={`${id}-confirm-title`} aria-describedby={`${id}-confirm-changes`} tabIndex={-1} ref={confirmRef}>
          <h3 id={`${id}-confirm-title`}>Publish version {doc?.version} of “{doc?.title}”?</h3>
          <div id={`${id}-confirm-changes`}>
            <p>{confirming.headline}</p>
            {confirming.lines.length > 0 && (
              <ul aria-label="What changes">
                {confirming.lines.map((line) => <li key={line}>{line}</li>)}
              </ul>
            )}
            <p>Signed off by {name.trim()}, {role.trim()}, on {date}; review due {reviewDue}.{chosenKey ? ` Signed with ${chosenKey.name}'s key as ${signAs === 'author' ? 'its author' : 'approver'}.` : ' Not signed.'} The Escalate screen will use this version.</p>
          </div>
          <div className="button-row">
            <Button size="primary" onClick={() => void confirm()}>Yes, publish version {doc?.version}</Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>Go back</Button>
          </div>
        </div>
      ) : (
        <Button type="submit" size="primary" disabled={!!why || busy} aria-describedby={why ? `${id}-blocked` : undefined}>
          Publish version {doc?.version ?? ''}
        </Button>
      )}
    </form>
  );
}
