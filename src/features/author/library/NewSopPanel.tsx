// "New SOP": start from a blank page, a chosen template, or a copy of any
// version in the library, with the id, title, finding and modalities asked
// here; everything after that is done in the editor's form.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { newDraftKey, saveDraft, type LibraryEntry } from '../../../db/library';
import { StorageError, type LogDb } from '../../../db/database';
import { MODALITIES, type Modality } from '../../../engine';
import { navigate } from '../../../shared/router';
import { editPath } from '../authorPaths';
import { blankSop, newSopProblems, sopFrom } from './newSop';

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
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choices = origin === 'template' ? templates : origin === 'copy' ? copies : [];
  const source = choices.find((e) => e.key === sourceKey) ?? null;
  const takenIds = useMemo(() => new Set(entries.map((e) => e.sopId)), [entries]);
  const fields = { id: sopId.trim(), title, finding, modalities };
  const problems = [...(origin !== 'blank' && !source ? ['Start from: choose the SOP to start from'] : []), ...newSopProblems(fields, takenIds)];

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
    setTried(true);
    if (problems.length > 0 || busy) return;
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
      <fieldset className="field">
        <legend>Start from</legend>
        <div className="choice-row">
          {(Object.keys(ORIGIN_LABEL) as Origin[]).map((o) => (
            <label key={o} className="choice">
              <input type="radio" name={`${id}-origin`} checked={origin === o} onChange={() => { setOrigin(o); setSourceKey(''); }} />
              {ORIGIN_LABEL[o]}
            </label>
          ))}
        </div>
      </fieldset>
      {origin !== 'blank' && (
        <div className="field">
          <label htmlFor={`${id}-source`}>{origin === 'template' ? 'Template' : 'Version to copy'}</label>
          <select id={`${id}-source`} value={sourceKey} onChange={(e) => pickSource(e.target.value)}>
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
        <input id={`${id}-id`} value={sopId} autoComplete="off" aria-describedby={`${id}-id-hint`} onChange={(e) => setSopId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Title</label>
        <input id={`${id}-name`} value={title} autoComplete="off" onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-finding`}>Finding</label>
        <span className="field__hint" id={`${id}-finding-hint`}>What the physiologist or radiographer finds during the scan.</span>
        <textarea id={`${id}-finding`} rows={2} value={finding} aria-describedby={`${id}-finding-hint`} onChange={(e) => setFinding(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>Modalities</legend>
        <div className="choice-row">
          {MODALITIES.map((m) => (
            <label key={m} className="choice">
              <input
                type="checkbox"
                checked={modalities.includes(m)}
                onChange={(e) => setModalities(e.target.checked ? [...modalities, m] : modalities.filter((x) => x !== m))}
              />
              {m.toUpperCase()}
            </label>
          ))}
        </div>
      </fieldset>
      {tried && problems.length > 0 && (
        <ul className="new-sop__problems" aria-label="Still needed" id={`${id}-needed`}>
          {problems.map((p) => <li key={p} className="problem problem--error">{p}</li>)}
        </ul>
      )}
      {error && <Banner tone="error">{error}</Banner>}
      <Button type="submit" disabled={busy} aria-describedby={tried && problems.length > 0 ? `${id}-needed` : undefined}>
        Create the draft
      </Button>
    </form>
  );
}
