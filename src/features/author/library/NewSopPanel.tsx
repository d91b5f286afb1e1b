// "New SOP": start from a blank page, a chosen template, or a copy of any
// version in the library, with the id, title, finding and modalities asked
// here; everything after that is done in the editor's form. A refused create
// lists what is missing in an error summary, with a message on each field.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { newDraftKey, saveDraft, type LibraryEntry } from '../../../db/library';
import { StorageError, type LogDb } from '../../../db/database';
import { MODALITIES, type Modality } from '../../../engine';
import { navigate } from '../../../shared/router';
import { editPath } from '../authorPaths';
import { blankSop, newSopProblems, sopFrom, type NewSopProblem } from './newSop';

type Origin = 'blank' | 'template' | 'copy';

const ORIGIN_LABEL: Record<Origin, string> = {
  blank: 'A blank SOP',
  template: 'A built-in template',
  copy: 'A copy of a version in the library',
};

const STATUS_WORD = { template: 'template', draft: 'draft', approved: 'approved' } as const;

export function NewSopPanel({ entries, db }: { entries: readonly LibraryEntry[]; db?: LogDb }) {
  const id = useId();
  const [origin, setOrigin] = useState<Origin>('blank');
  const templates = useMemo(() => entries.filter((e) => e.source === 'built-in' && e.doc), [entries]);
  const copies = useMemo(() => entries.filter((e) => e.doc), [entries]);
  const [sourceKey, setSourceKey] = useState('');
  const [sopId, setSopId] = useState('');
  const [title, setTitle] = useState('');
  const [finding, setFinding] = useState('');
  const [modalities, setModalities] = useState<Modality[]>([]);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choices = origin === 'template' ? templates : origin === 'copy' ? copies : [];
  const source = choices.find((e) => e.key === sourceKey) ?? null;
  const takenIds = useMemo(() => new Set(entries.map((e) => e.sopId)), [entries]);
  const fields = { id: sopId.trim(), title, finding, modalities };
  const problems: Array<NewSopProblem | { field: 'source'; message: string }> = [
    ...(origin !== 'blank' && !source ? [{ field: 'source' as const, message: 'Start from: choose the SOP to start from' }] : []),
    ...newSopProblems(fields, takenIds),
  ];
  const fieldIds: Record<(typeof problems)[number]['field'], string> = {
    source: `${id}-source`,
    id: `${id}-id`,
    title: `${id}-name`,
    finding: `${id}-finding`,
    modalities: `${id}-modality-${MODALITIES[0]}`,
  };
  /** The field's inline message once a create has been refused. */
  const problemWith = (field: (typeof problems)[number]['field']) => (failedSubmits > 0 ? problems.find((p) => p.field === field)?.message : undefined);
  const describedBy = (field: (typeof problems)[number]['field'], hintId?: string) =>
    [hintId, problemWith(field) ? `${fieldIds[field]}-error` : undefined].filter(Boolean).join(' ') || undefined;

  const pickSource = (key: string) => {
    setSourceKey(key);
    const picked = choices.find((e) => e.key === key)?.doc;
    if (!picked) return;
    // Start from the source's words; the author changes what differs.
    if (title.trim() === '') setTitle(picked.title);
    if (finding.trim() === '') setFinding(picked.finding);
    if (modalities.length === 0) setModalities([...picked.modalities]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (problems.length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const doc = origin === 'blank' || !source?.doc ? blankSop(fields) : sopFrom(source.doc, fields);
      const key = newDraftKey(fields.id);
      await saveDraft(key, doc, db);
      navigate(editPath(key));
    } catch (caught) {
      setError(caught instanceof StorageError ? caught.userMessage : 'The new SOP could not be stored on this device.');
      setBusy(false);
    }
  };

  return (
    <form className="panel new-sop" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>New SOP</h2>
      <ErrorSummary problems={problems.map((p) => ({ fieldId: fieldIds[p.field], message: p.message }))} failedSubmits={failedSubmits} />
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Start from</legend>
          <div className="nhsuk-radios">
            {(Object.keys(ORIGIN_LABEL) as Origin[]).map((o) => (
              <div className="nhsuk-radios__item" key={o}>
                <input className="nhsuk-radios__input" id={`${id}-origin-${o}`} type="radio" name={`${id}-origin`} checked={origin === o} onChange={() => { setOrigin(o); setSourceKey(''); }} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-origin-${o}`}>{ORIGIN_LABEL[o]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {origin !== 'blank' && (
        <div className="field">
          <label htmlFor={`${id}-source`}>{origin === 'template' ? 'Template' : 'Version to copy'}</label>
          {problemWith('source') && <ErrorMessage id={`${id}-source-error`}>{problemWith('source')}</ErrorMessage>}
          <select id={`${id}-source`} value={sourceKey} aria-describedby={describedBy('source')} onChange={(e) => pickSource(e.target.value)}>
            <option value="">Choose…</option>
            {choices.map((e) => (
              <option key={e.key} value={e.key}>{`${e.title} (${STATUS_WORD[e.status]} ${e.version})`}</option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-id`}>SOP id</label>
        <span className="field__hint" id={`${id}-id-hint`}>Lower-case words joined by hyphens, e.g. “syncope-on-table”. It cannot be one already in the library.</span>
        {problemWith('id') && <ErrorMessage id={`${id}-id-error`}>{problemWith('id')}</ErrorMessage>}
        <input id={`${id}-id`} value={sopId} autoComplete="off" aria-describedby={describedBy('id', `${id}-id-hint`)} aria-invalid={problemWith('id') ? true : undefined} onChange={(e) => setSopId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Title</label>
        {problemWith('title') && <ErrorMessage id={`${id}-name-error`}>{problemWith('title')}</ErrorMessage>}
        <input id={`${id}-name`} value={title} autoComplete="off" aria-describedby={describedBy('title')} aria-invalid={problemWith('title') ? true : undefined} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-finding`}>Finding</label>
        <span className="field__hint" id={`${id}-finding-hint`}>What the physiologist or radiographer finds during the scan.</span>
        {problemWith('finding') && <ErrorMessage id={`${id}-finding-error`}>{problemWith('finding')}</ErrorMessage>}
        <textarea id={`${id}-finding`} rows={2} value={finding} aria-describedby={describedBy('finding', `${id}-finding-hint`)} aria-invalid={problemWith('finding') ? true : undefined} onChange={(e) => setFinding(e.target.value)} />
      </div>
      <div className={`nhsuk-form-group${problemWith('modalities') ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset className="nhsuk-fieldset" aria-describedby={problemWith('modalities') ? `${fieldIds.modalities}-error` : undefined}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Modalities</legend>
          {problemWith('modalities') && <ErrorMessage id={`${fieldIds.modalities}-error`}>{problemWith('modalities')}</ErrorMessage>}
          <div className="nhsuk-checkboxes">
            {MODALITIES.map((m) => (
              <div className="nhsuk-checkboxes__item" key={m}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`${id}-modality-${m}`}
                  type="checkbox"
                  checked={modalities.includes(m)}
                  onChange={(e) => setModalities(e.target.checked ? [...modalities, m] : modalities.filter((x) => x !== m))}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-modality-${m}`}>{m.toUpperCase()}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {error && <Banner tone="error">{error}</Banner>}
      <Button type="submit" disabled={busy}>
        Create the draft
      </Button>
    </form>
  );
}
