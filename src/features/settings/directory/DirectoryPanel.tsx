// The local contacts directory in Settings: every role the SOPs in use call,
// filled in by this service (gaps listed loudly), plus export and import so
// every tablet of the service shares the same numbers.
import { useId, useState, type ChangeEvent } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { exportDirectory, importDirectory, isNationalDefault } from '../../../db/config';
import type { LogDb } from '../../../db/database';
import { readTextFile, saveJsonFile } from '../../../ui/files';
import { DirectoryEntryForm } from './DirectoryEntryForm';
import { useDirectory } from './useDirectory';
import type { DirectoryRole } from './directoryRoles';
import './directory.css';
import { SummaryList, SummaryRow } from '../../../ui/SummaryList';

function EntryFacts({ role, roles }: { role: DirectoryRole; roles: readonly DirectoryRole[] }) {
  const entry = role.entry;
  if (!entry || role.gap) return <p className="directory-gap-tag">Not configured</p>;
  const fallback = roles.find((r) => r.roleId === entry.fallbackRoleId);
  return (
    <>
    {isNationalDefault(entry) ? <p className="field__hint">National number, filled in for every install. Change it only to your site's own emergency number.</p> : null}
    <SummaryList>
      <SummaryRow label="Name or team">{entry.name || '—'}</SummaryRow>
      <SummaryRow label="Phone">{entry.phone || '—'}</SummaryRow>
      <SummaryRow label="Bleep or extension">{entry.extension || '—'}</SummaryRow>
      <SummaryRow label="Hours">{entry.hours || '—'}</SummaryRow>
      <SummaryRow label="Fallback">{fallback?.title ?? (entry.fallbackRoleId || 'None')}</SummaryRow>
    </SummaryList>
    </>
  );
}

export function DirectoryPanel({ db }: { db?: LogDb }) {
  const id = useId();
  const { roles, loaded, error, reload } = useDirectory(db);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string; details?: string[] } | null>(null);
  const gaps = roles.filter((r) => r.gap);

  const exportFile = async () => {
    try {
      saveJsonFile(`contacts-directory-${new Date().toISOString().slice(0, 10)}.json`, await exportDirectory(db));
      setMessage({ tone: 'info', text: 'Directory exported. Import the file on the other tablets of this service.' });
    } catch {
      setMessage({ tone: 'error', text: 'The directory could not be exported.' });
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const result = await importDirectory(await readTextFile(file, 500_000), db);
      if (!result.ok) {
        setMessage({ tone: 'error', text: 'Nothing was imported. The file has these problems:', details: result.problems });
        return;
      }
      setMessage({ tone: 'info', text: `Imported ${result.entries.length} directory entries.` });
      await reload();
    } catch (caught) {
      setMessage({ tone: 'error', text: caught instanceof Error && caught.message.startsWith('The file') ? caught.message : 'The file could not be imported.' });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Contacts directory</h2>
      <p>Who fills each role the SOPs call at this service, and how to reach them. SOPs only name roles; the numbers come from here.</p>
      {error && <Banner tone="error">{error}</Banner>}
      {loaded && gaps.length > 0 && (
        <section className="directory-gaps" aria-labelledby={`${id}-gaps`}>
          <h3 id={`${id}-gaps`}>{gaps.length === 1 ? '1 role is' : `${gaps.length} roles are`} not configured</h3>
          <p>The SOPs in use call these roles, but this tablet has no number for them:</p>
          <ul>{gaps.map((g) => <li key={g.roleId}>{g.title}</li>)}</ul>
        </section>
      )}
      {message && (
        <Banner tone={message.tone}>
          {message.text}
          {message.details && <span className="directory-problems">{message.details.map((d) => <span key={d}>{d}</span>)}</span>}
        </Banner>
      )}
      <ul className="directory-list">
        {roles.map((role) => (
          <li key={role.roleId} className={role.gap ? 'directory-role directory-role--gap' : 'directory-role'}>
            <h3>{role.title}</h3>
            <p className="field__hint">
              {role.usedBy.length > 0 ? `Called by: ${role.usedBy.join(', ')}` : 'Not called by any SOP in use'}
            </p>
            {editing === role.roleId ? (
              <DirectoryEntryForm
                role={role}
                roles={roles}
                db={db}
                onCancel={() => setEditing(null)}
                onSaved={() => {
                  setEditing(null);
                  setMessage({ tone: 'info', text: `${role.title} saved.` });
                  void reload();
                }}
              />
            ) : (
              <>
                <EntryFacts role={role} roles={roles} />
                <Button variant="secondary" onClick={() => setEditing(role.roleId)} aria-label={`Edit ${role.title}`}>Edit</Button>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <Button variant="secondary" onClick={() => void exportFile()}>Export directory</Button>
        <label className="button button--secondary file-button">
          Import directory
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void importFile(e)} />
        </label>
      </div>
    </section>
  );
}
