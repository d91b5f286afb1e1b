// Export (CSV episodes, CSV events, full JSON with hash chains, FHIR R4) over a
// date range, a chain check of every record in that range, and the import.
// The range is two NHS date inputs; a date that does not exist stops the
// export or check with an error summary linked to it.
import { useId, useState, type FormEvent } from 'react';
import { exportEpisodesCsvParts, exportFhirBundle, verifyEpisodes, type BulkVerifyReport } from '../../db/export';
import { toStorageError, type LogDb } from '../../db/database';
import { type EpisodeFilters } from '../../db/read';
import { exportEventsCsvFile } from '../../db/export';
import { exportLogJsonFile } from '../../db/export';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { DateInput } from '../../ui/DateInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { EMPTY_DATE_PARTS } from '../../ui/calendarDate';
import { readDateRange } from './dateRange';
import type { FilePart, SaveFile } from './download';
import { dateInputToMs, dayAfterInputToMs } from './formatTime';
import { ImportLogPanel } from './ImportLogPanel';

interface Props {
  db: LogDb;
  appVersion: string;
  saveFile: SaveFile;
  onImported(): void;
}

type Format = 'episodes-csv' | 'events-csv' | 'json' | 'fhir';

const FORMATS: Array<{ format: Format; label: string; extension: string; mime: string }> = [
  { format: 'episodes-csv', label: 'Episodes (CSV spreadsheet)', extension: 'episodes.csv', mime: 'text/csv' },
  { format: 'events-csv', label: 'Events (CSV spreadsheet)', extension: 'events.csv', mime: 'text/csv' },
  { format: 'json', label: 'Full log with hash chains (JSON)', extension: 'log.json', mime: 'application/json' },
  { format: 'fhir', label: 'FHIR R4 Bundle', extension: 'fhir.json', mime: 'application/fhir+json' },
];

export function TransferPanel({ db, appVersion, saveFile, onImported }: Props) {
  const id = useId();
  const [fromParts, setFromParts] = useState(EMPTY_DATE_PARTS);
  const [toParts, setToParts] = useState(EMPTY_DATE_PARTS);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const range = readDateRange(fromParts, toParts, `${id}-from`, `${id}-to`);
  /** False (and the error summary shown) while a date is wrong. */
  const rangeReady = (): boolean => {
    if (range.problems.length === 0) return true;
    setFailedSubmits((count) => count + 1);
    return false;
  };
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
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
    if (!rangeReady()) return;
    setBusy(true);
    setMessage(null);
    try {
      const chosen = filters();
      // The event-level exports come as the file's bytes: their 40-60 MB make a Blob faster that way.
      const parts: FilePart[] =
        format === 'episodes-csv' ? await exportEpisodesCsvParts(chosen, db)
        : format === 'events-csv' ? [await exportEventsCsvFile(chosen, db)]
        : format === 'json' ? [await exportLogJsonFile(chosen, appVersion, db)]
        : [await exportFhirBundle(chosen, db)];
      const stamp = new Date().toISOString().slice(0, 10);
      saveFile(`escalation-${stamp}-${spec.extension}`, parts, spec.mime);
      setMessage({ tone: 'info', text: `${spec.label} saved. Record the chain head at the end of the file in your governance minutes.` });
    } catch (caught) {
      setMessage({ tone: 'error', text: toStorageError(caught).userMessage });
    } finally {
      setBusy(false);
    }
  };

  const verifyRange = async () => {
    if (!rangeReady()) return;
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

  return (
    <section className="log-panel" aria-labelledby="log-transfer-heading">
      <h2 id="log-transfer-heading">Export and import</h2>
      <form className="log-filters" onSubmit={(event: FormEvent) => event.preventDefault()} aria-label="Export date range" noValidate>
        <div className="log-filters__summary">
          <ErrorSummary problems={range.problems} failedSubmits={failedSubmits} />
        </div>
        <div className="log-filters__dates">
          <DateInput id={`${id}-from`} legend="From date" value={fromParts} onChange={setFromParts} error={failedSubmits > 0 ? range.errorFor(`${id}-from`) : null} />
          <DateInput id={`${id}-to`} legend="To date (inclusive)" value={toParts} onChange={setToParts} error={failedSubmits > 0 ? range.errorFor(`${id}-to`) : null} />
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
      <ImportLogPanel db={db} onImported={onImported} />
    </section>
  );
}
