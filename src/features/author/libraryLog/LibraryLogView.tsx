// The library log page (/author/log): every import, publish, approval,
// withdrawal and trust-list change on this tablet, newest first, with the
// chain checked on opening (a deleted, reordered or edited record is named)
// and an export a governance lead can check with the same rules.
import { useCallback } from 'react';
import { Banner } from '../../../ui/Banner';
import { Button } from '../../../ui/Button';
import { FocusedHeading } from '../../../ui/FocusedHeading';
import { saveJsonFile } from '../../../ui/files';
import { useStoredData } from '../../../ui/useStoredData';
import { exportLibraryLog, listLibraryLog, verifyLibraryLog, type LibraryLogCheck } from '../../../db/library';
import { openLogDb, type LibraryLogRow, type LogDb } from '../../../db/database';
import { AppLink } from '../AppLink';
import { AUTHOR_ROOT } from '../authorPaths';
import '../../../ui/dataTable.css';

interface LogState {
  rows: LibraryLogRow[];
  check: LibraryLogCheck | null;
}

const EMPTY: LogState = { rows: [], check: null };

const ACTION_WORDS: Record<LibraryLogRow['action'], string> = {
  import: 'Import', publish: 'Publish', approve: 'Approval', withdraw: 'Withdrawal', 'trust-list': 'Trust list',
};

const when = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

export function LibraryLogView({ db }: { db?: LogDb }) {
  const load = useCallback(async (): Promise<LogState> => {
    const rows = await listLibraryLog(db ?? openLogDb());
    return { rows, check: await verifyLibraryLog(rows) };
  }, [db]);
  const { value, loaded, error } = useStoredData(load, EMPTY, 'The library log could not be read on this device. Try reloading the app.');

  const save = async () => {
    const text = await exportLibraryLog(db ?? openLogDb());
    saveJsonFile(`library-log-${new Date().toISOString().slice(0, 10)}.json`, text);
  };

  const { rows, check } = value;
  return (
    <>
      <p><AppLink href={AUTHOR_ROOT}>Back to the SOP library</AppLink></p>
      <FocusedHeading>Library log</FocusedHeading>
      <p>
        Every SOP import, publication, approval and withdrawal on this tablet, and every trust list it received,
        in order. Each record is linked to the one before it by a hash, so a record deleted, moved or changed
        afterwards shows here as a break.
      </p>
      {error && <Banner tone="error">{error}</Banner>}
      {loaded && check && (check.ok
        ? <Banner tone="info">Chain checked: {check.count} {check.count === 1 ? 'record' : 'records'}, none missing or changed.</Banner>
        : <Banner tone="error">The library log is broken at record {check.brokenAt}: {check.reason} Export it and tell your governance lead.</Banner>)}
      {loaded && (
        <div className="button-row">
          <Button variant="secondary" onClick={() => void save()} disabled={rows.length === 0}>Export the library log (JSON)</Button>
        </div>
      )}
      {loaded && rows.length === 0 && <p>Nothing has been imported, published or approved on this tablet yet.</p>}
      {rows.length > 0 && (
        <div className="data-table__wrap" tabIndex={0} role="region" aria-label="Library log records">
          <table className="data-table">
            <caption>Library log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">No.</th>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">SOP</th>
                <th scope="col">Who</th>
                <th scope="col">From</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {[...rows].reverse().map((row) => (
                <tr key={row.seq}>
                  <td>{row.seq}</td>
                  <td>{when(row.at)}</td>
                  <th scope="row">{ACTION_WORDS[row.action] ?? row.action}</th>
                  <td>{row.sopId ? `${row.sopId} ${row.version}` : row.version ? `number ${row.version}` : '—'}</td>
                  <td>{row.who}</td>
                  <td>{row.origin}</td>
                  <td>{row.outcome}{row.reason ? <><br /><span className="field__hint">{row.reason}</span></> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
