// The episode list: filters, one page of episodes (newest first) and paging.
// Paged by keyset on the start time, so the first page is as quick with
// 100,000 episodes as with ten.
import { useMemo, useState } from 'react';
import type { LogDb } from '../../db/database';
import type { SopSummary } from '../../db/library';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { EMPTY_FILTER_FIELDS, EpisodeFiltersForm, filtersFromFields, type FilterFields } from './EpisodeFiltersForm';
import { formatDateTime } from './formatTime';
import { MODALITY_LABEL, STATUS_LABEL, URGENCY_LABEL } from './labels';
import { useEpisodePage } from './useEpisodePage';
import '../../ui/dataTable.css';

export const PAGE_SIZE = 25;

interface Props {
  db: LogDb;
  sops: SopSummary[];
  onOpen(episodeId: string): void;
}

export function EpisodeList({ db, sops, onOpen }: Props) {
  const [fields, setFields] = useState<FilterFields>(EMPTY_FILTER_FIELDS);
  const filters = useMemo(() => filtersFromFields(fields), [fields]);
  const page = useEpisodePage(db, filters, PAGE_SIZE);
  const titles = useMemo(() => new Map(sops.map((sop) => [sop.id, sop.title])), [sops]);
  const first = (page.pageNumber - 1) * PAGE_SIZE + 1;

  return (
    <section aria-labelledby="log-list-heading" className="log-panel">
      <h2 id="log-list-heading">Episodes</h2>
      <EpisodeFiltersForm sops={sops} initial={fields} onApply={setFields} />
      {page.error && <Banner tone="error">{page.error}</Banner>}
      <p className="log-status" role="status" aria-live="polite">
        {page.loading ? 'Loading episodes…' : page.rows.length === 0 ? 'No episodes match these filters.' : `Showing episodes ${first} to ${first + page.rows.length - 1}, newest first.`}
      </p>
      {page.rows.length > 0 && (
        <div className="data-table__wrap">
          <table className="data-table">
            <caption className="visually-hidden">Episodes, newest first (page {page.pageNumber})</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">SOP</th>
                <th scope="col">Site</th>
                <th scope="col">Modality</th>
                <th scope="col">Urgency</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="visually-hidden">Open</span></th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{formatDateTime(row.startedAt)}</th>
                  <td>{titles.get(row.sopId) ?? row.sopId} <span className="log-muted">v{row.sopVersion}</span></td>
                  <td>{row.site}</td>
                  <td>{MODALITY_LABEL[row.modality] ?? row.modality}</td>
                  <td><span className={`log-urgency log-urgency--${row.urgency || 'none'}`}>{URGENCY_LABEL[row.urgency]}</span></td>
                  <td>{STATUS_LABEL[row.status]}</td>
                  <td>
                    <Button variant="secondary" onClick={() => onOpen(row.id)} aria-label={`View episode started ${formatDateTime(row.startedAt)}`}>
                      View
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="log-paging" aria-label="Episode pages">
        <Button variant="secondary" onClick={page.previous} disabled={!page.hasPrevious}>Previous page</Button>
        <span>Page {page.pageNumber}</span>
        <Button variant="secondary" onClick={page.next} disabled={!page.hasNext}>Next page</Button>
      </nav>
    </section>
  );
}
