// Export (CSV episodes, CSV events, full JSON with hash chains, FHIR R4) over a
// date range, and import of another tablet's JSON export with a clear report.
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  exportEpisodesCsv, exportEventsCsv, exportFhirBundle, exportLogJson, importLogJson, toStorageError, verifyEpisodes,
  type BulkVerifyReport, type EpisodeFilters, type ImportReport, type LogDb,
} from '../../db';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import type { SaveFile } from './download';
import { dateInputToMs, dayAfterInputToMs } from './formatTime';
import { readTextFile } from './readTextFile';

interface Props {
  db: LogDb;
  appVersion: string;
  saveFile: SaveFile;
  onImported(): void;
}

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

type Format = 'episodes-csv' | 'events-csv' | 'json' | 'fhir';

const FORMATS: Array<{ format: Format; label: string; extension: string; mime: string }> = [
  { format: 'episodes-csv', label: 'Episodes (CSV spreadsheet)', extension: 'episodes.csv', mime: 'text/csv' },
  { format: 'events-csv', label: 'Events (CSV spreadsheet)', extension: 'events.csv', mime: 'text/csv' },
  { format: 'json', label: 'Full log with hash chains (JSON)', extension: 'log.json', mime: 'application/json' },
  { format: 'fhir', label: 'FHIR R4 Bundle', extension: 'fhir.json', mime: 'application/fhir+json' },
];

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

export function TransferPanel({ db, appVersion, saveFile, onImported }: Props) {
  const id = useId();
  const [range, setRange] = useState({ from: '', to: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [verified, setVerified] = useState<BulkVerifyReport | null>(null);

  const filters = (): EpisodeFilters => {
    const result: EpisodeFilters = {};
    const from = dateInputToMs(range.from);
    const to = dayAfterInputToMs(range.to);
    if (from !== undefined) result.from = from;
    if (to !== undefined) result.to = to;
    return result;
  };

  const exportAs = async (format: Format) => {
    const spec = FORMATS.find((item) => item.format === format)!;
    setBusy(true);
    setMessage(null);
    try {
      const chosen = filters();
      const text =
        format === 'episodes-csv' ? await exportEpisodesCsv(chosen, db)
        : format === 'events-csv' ? await exportEventsCsv(chosen, db)
        : format === 'json' ? await exportLogJson(chosen, appVersion, db)
        : await exportFhirBundle(chosen, db);
      const stamp = new Date().toISOString().slice(0, 10);
      saveFile(`escalation-${stamp}-${spec.extension}`, text, spec.mime);
      setMessage({ tone: 'info', text: `${spec.label} saved. Record the chain head at the end of the file in your governance minutes.` });
    } catch (caught) {
      setMessage({ tone: 'error', text: toStorageError(caught).userMessage });
    } finally {
      setBusy(false);
    }
  };

  const verifyRange = async () => {
    setBusy(true);
    setVerified(null);
    setMessage(null);
    try {
      setVerified(await verifyEpisodes(filters(), db));
    } catch (caught) {
      setMessage({ tone: 'error', text: toStorageError(caught).userMessage });
    } finally {
      setBusy(false);
    }
  };

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
      const result = await importLogJson(await readTextFile(file), db);
      setReport(result);
      if (result.imported + result.extended > 0) onImported();
    } catch {
      setReport({ imported: 0, extended: 0, duplicates: 0, refused: [], fileError: 'The file could not be read. Nothing was imported.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="log-panel" aria-labelledby="log-transfer-heading">
      <h2 id="log-transfer-heading">Export and import</h2>
      <form className="log-filters" onSubmit={(event: FormEvent) => event.preventDefault()} aria-label="Export date range">
        <div className="log-field">
          <label htmlFor={`${id}-from`}>From date</label>
          <input id={`${id}-from`} type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </div>
        <div className="log-field">
          <label htmlFor={`${id}-to`}>To date (inclusive)</label>
          <input id={`${id}-to`} type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </div>
      </form>
      <p className="log-muted">Leave the dates empty to export the whole log. Exports hold no patient-identifiable data unless someone typed it into a local reference.</p>
      <div className="log-actions">
        {FORMATS.map((item) => (
          <Button key={item.format} variant="secondary" disabled={busy} onClick={() => void exportAs(item.format)}>
            Export {item.label}
          </Button>
        ))}
      </div>
      <div className="log-actions">
        <Button disabled={busy} onClick={() => void verifyRange()}>Check every record in this range</Button>
      </div>
      {message && <Banner tone={message.tone}>{message.text}</Banner>}
      {verified && verified.broken.length === 0 && (
        <Banner tone="info">All {verified.checked} records in this range match their hash chains.</Banner>
      )}
      {verified && verified.broken.length > 0 && (
        <Banner tone="error">
          {verified.broken.length} of {verified.checked} records do not match their hash chains:{' '}
          {verified.broken.map((item) => `episode ${item.episodeId} from event ${item.brokenAt} (${item.reason})`).join('; ')}
        </Banner>
      )}
      <h3>Import another tablet’s log</h3>
      <p>Choose a JSON log export from another tablet of this service. Episodes already here are skipped; a record whose hash chain does not check out is refused.</p>
      <div className="log-field">
        <label htmlFor={`${id}-import`}>JSON log export file</label>
        <input id={`${id}-import`} type="file" accept="application/json,.json" disabled={busy} onChange={(event) => void importFile(event)} />
      </div>
      {report && <ImportSummary report={report} />}
    </section>
  );
}
