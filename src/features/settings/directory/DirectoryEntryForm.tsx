// Edits one role's directory entry: who fills it, how to reach them, when,
// and which role to try if they cannot be reached. A refused save lists the
// problems in an error summary, with a message on each field.
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { ErrorSummary } from '../../../ui/ErrorSummary';
import { putDirectoryEntry } from '../../../db/config';
import { StorageError } from '../../../db/database';
import type { LogDb } from '../../../db/database';
import type { DirectoryRole } from './directoryRoles';
import { FocusedHeading } from '../../../ui/FocusedHeading';
import { directoryEntryProblems } from './directoryEntryProblems';

interface Props {
  role: DirectoryRole;
  /** Every role the fallback may point to. */
  roles: readonly DirectoryRole[];
  db?: LogDb;
  onSaved(): void;
  onCancel(): void;
}

const FIELDS = [
  { key: 'name', label: 'Name or team', hint: 'Who answers, e.g. "Cardiology registrar on call". A team name is better than a person.' },
  { key: 'phone', label: 'Phone number', hint: 'Digits, spaces and + ( ) # * - only.' },
  { key: 'extension', label: 'Bleep or extension', hint: '' },
  { key: 'hours', label: 'Hours covered', hint: 'e.g. "24 hours" or "Mon–Fri 08:00–18:00".' },
] as const;

export function DirectoryEntryForm({ role, roles, db, onSaved, onCancel }: Props) {
  const id = useId();
  const entry = role.entry;
  const [values, setValues] = useState({
    name: entry?.name ?? '',
    phone: entry?.phone ?? '',
    extension: entry?.extension ?? '',
    hours: entry?.hours ?? '',
    fallbackRoleId: entry?.fallbackRoleId ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const problems = directoryEntryProblems(role.roleId, values);
  const problemWith = (key: string) => (failedSubmits > 0 ? problems.find((p) => p.field === key)?.message : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    try {
      await putDirectoryEntry({ roleId: role.roleId, ...values }, db);
      onSaved();
    } catch (caught) {
      setError(caught instanceof StorageError ? caught.userMessage : 'The entry could not be saved.');
    }
  };

  return (
    <form className="directory-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <FocusedHeading level={3} id={`${id}-title`}>Edit: {role.title}</FocusedHeading>
      <ErrorSummary problems={problems.map((p) => ({ fieldId: `${id}-${p.field}`, message: p.message }))} failedSubmits={failedSubmits} />
      {FIELDS.map((field) => (
        <div className="field" key={field.key}>
          <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
          {field.hint && <span className="field__hint" id={`${id}-${field.key}-hint`}>{field.hint}</span>}
          {problemWith(field.key) && <ErrorMessage id={`${id}-${field.key}-error`}>{problemWith(field.key)}</ErrorMessage>}
          <input
            id={`${id}-${field.key}`}
            aria-describedby={[field.hint ? `${id}-${field.key}-hint` : '', problemWith(field.key) ? `${id}-${field.key}-error` : ''].filter(Boolean).join(' ') || undefined}
            aria-invalid={problemWith(field.key) ? true : undefined}
            value={values[field.key]}
            maxLength={200}
            autoComplete="off"
            inputMode={field.key === 'phone' ? 'tel' : undefined}
            onChange={(event) => setValues({ ...values, [field.key]: event.target.value })}
          />
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-fallback`}>Fallback role</label>
        <span className="field__hint" id={`${id}-fallback-hint`}>Who to try if this role cannot be reached.</span>
        <select
          id={`${id}-fallback`}
          aria-describedby={`${id}-fallback-hint`}
          value={values.fallbackRoleId}
          onChange={(event) => setValues({ ...values, fallbackRoleId: event.target.value })}
        >
          <option value="">None</option>
          {roles.filter((r) => r.roleId !== role.roleId).map((r) => (
            <option key={r.roleId} value={r.roleId}>{r.title}</option>
          ))}
        </select>
      </div>
      {error && <p className="directory-form__error" role="alert">{error}</p>}
      <div className="button-row">
        <Button type="submit">Save {role.title}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
