// Import of another tablet's JSON log export (a governance lead collecting
// logs), with a plain report: imported, duplicates skipped, refused and why.
import { useId, useState, type ChangeEvent } from 'react';
import { importLogJson, type ImportReport } from '../../db/log';
import { type LogDb } from '../../db/database';
import { Banner } from '../../ui/Banner';
import { readTextFile } from '../../ui/files';

// Log exports of a whole network's year run to tens of megabytes; refuse only what no real log reaches.
const LOG_FILE_MAX_BYTES = 400_000_000;

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

function ImportSummary({ report }: { report: ImportReport }) {
  if (report.fileError) return <Banner tone="error">{report.fileError}</Banner>;
  return (
    <div role="status" className="log-import-report">
      <p>
        Imported {report.imported} episode{report.imported === 1 ? '' : 's'}; {report.duplicates} already here (skipped)
        {report.extended > 0 ? `; ${report.extended} brought up to date` : ''}; {report.refused.length} refused. Nothing already stored was changed.
      </p>
      {report.refused.length > 0 && (
        <ul aria-label="Refused episodes">
          {report.refused.map((item) => <li key={item.episodeId}>Episode {item.episodeId}: {item.reason}</li>)}
        </ul>
      )}
    </div>
  );
}

export function ImportLogPanel({ db, onImported }: { db: LogDb; onImported(): void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setReport(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setReport({ imported: 0, extended: 0, duplicates: 0, refused: [], fileError: 'The file is too large to be a log export of this app.' });
      return;
    }
    setBusy(true);
    try {
      const result = await importLogJson(await readTextFile(file, LOG_FILE_MAX_BYTES, 'a governance log file'), db);
      setReport(result);
      if (result.imported + result.extended > 0) onImported();
    } catch {
      setReport({ imported: 0, extended: 0, duplicates: 0, refused: [], fileError: 'The file could not be read. Nothing was imported.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>Import another tablet’s log</h3>
      <p>Choose a JSON log export from another tablet of this service. Episodes already here are skipped; a record whose hash chain does not check out is refused.</p>
      <div className="log-field">
        <label htmlFor={`${id}-import`}>JSON log export file</label>
        <input id={`${id}-import`} type="file" accept="application/json,.json" disabled={busy} onChange={(event) => void importFile(event)} />
      </div>
      {report && <ImportSummary report={report} />}
    </>
  );
}
