// The Author landing page: every SOP the app holds, grouped by finding, with
// the version the Escalate screen uses, plus import. Changes reload the list.
import { useState } from 'react';
import { Banner } from '../../../ui/Banner';
import type { LibraryEntry } from '../../../db/library';
import { discardDraft, restoreVersion, startDraft, withdrawVersion } from '../../../db/library';
import { openLogDb } from '../../../db/database';
import type { LogDb } from '../../../db/database';
import { StorageError } from '../../../db/database';
import { navigate } from '../../../shared/router';
import { ImportPanel } from '../import/ImportPanel';
import { NewSopPanel } from './NewSopPanel';
import { editPath, LIBRARY_LOG_PATH } from '../authorPaths';
import { AppLink } from '../AppLink';
import { saveJsonFile } from '../../../ui/files';
import { LibraryEntryCard, type EntryActions } from './LibraryEntryCard';
import { groupBySop, useLibrary } from './useLibrary';
import { FocusedHeading } from '../../../ui/FocusedHeading';
import { SIGNED_SOP_FORMAT } from '../../../engine';

/** A version's file: a signed version goes out with its signatures (cdc-signed-sop/1), so another tablet can verify it. */
export function exportEntry(entry: LibraryEntry): void {
  const safe = (text: string) => text.replace(/[^a-z0-9.-]+/gi, '-');
  const document = entry.doc ?? entry.document;
  const signed = entry.status === 'approved' && entry.signatures.length > 0;
  const file = signed ? { format: SIGNED_SOP_FORMAT, document, signatures: entry.signatures } : document;
  saveJsonFile(`${safe(entry.sopId)}-${safe(entry.version)}-${signed ? 'signed' : entry.status}.json`, `${JSON.stringify(file, null, 2)}\n`);
}

export function LibraryView({ db }: { db?: LogDb }) {
  const { entries, loaded, error, reload } = useLibrary(db);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (caught) {
      setMessage({ tone: 'error', text: caught instanceof StorageError ? caught.userMessage : 'That could not be done on this device.' });
    }
  };

  const actions: EntryActions = {
    startDraft: (entry) => void run(async () => navigate(editPath(await startDraft(entry.doc!, db)))),
    exportJson: exportEntry,
    restore: (entry) =>
      void run(async () => {
        await restoreVersion(entry.sopId, entry.key, db);
        setMessage({ tone: 'info', text: `The Escalate screen now uses “${entry.title}” version ${entry.version}.` });
        await reload();
      }),
    withdraw: async (entry, reason) => {
      try {
        await withdrawVersion({ sopId: entry.sopId, version: entry.version, reason, by: 'an author on this tablet', origin: 'this tablet' }, db ?? openLogDb());
        setMessage({ tone: 'info', text: `“${entry.title}” version ${entry.version} is withdrawn: the Escalate screen no longer runs it.` });
        await reload();
        return true;
      } catch (caught) {
        setMessage({ tone: 'error', text: caught instanceof StorageError ? caught.userMessage : 'The version could not be withdrawn on this device.' });
        return false;
      }
    },
    discard: (entry) =>
      void run(async () => {
        if (!window.confirm(`Delete the draft of “${entry.title}” version ${entry.version}? This cannot be undone.`)) return;
        await discardDraft(entry.key, db);
        setMessage({ tone: 'info', text: 'Draft deleted.' });
        await reload();
      }),
  };

  return (
    <>
      <FocusedHeading>Author SOPs</FocusedHeading>
      <p>
        The escalation SOPs on this tablet. Built-in SOPs are templates: a locally approved version replaces the
        template for its finding on the Escalate screen.
      </p>
      <p>
        <AppLink href={LIBRARY_LOG_PATH}>Library log</AppLink>: every import, publication, approval and trust list on this tablet, checked and exportable.
      </p>
      {error && <Banner tone="error">{error}</Banner>}
      {message && <Banner tone={message.tone}>{message.text}</Banner>}
      {loaded && <NewSopPanel entries={entries} db={db} />}
      <ImportPanel db={db} onImported={() => void reload()} />
      {loaded && (
        <div className="library">
          {groupBySop(entries).map((group) => {
            const inUse = group.entries.find((e) => e.inUse);
            return (
              <section key={group.sopId} className="panel library-group" aria-label={group.title}>
                <h2>{group.title}</h2>
                <p className="field__hint">
                  {inUse ? `Escalate uses: ${inUse.status === 'template' ? 'the built-in template' : `approved version ${inUse.version}`}` : 'Not available on the Escalate screen'}
                </p>
                <ul className="library-entries">
                  {group.entries.map((entry) => (
                    <LibraryEntryCard key={entry.key} entry={entry} inUse={inUse} actions={actions} />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
