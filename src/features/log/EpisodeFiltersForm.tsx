// The list's filters: date range, SOP, modality, site, urgency, status and
// outcome. Applied on submit so a half-typed site name never runs a query;
// the dates are NHS date inputs, and a date that does not exist is refused on
// submit in an error summary.
import { useId, useState, type FormEvent } from 'react';
import { URGENCIES, EPISODE_STATUSES, type Urgency, type EpisodeStatus } from '../../db/database';
import { type EpisodeFilters } from '../../db/read';
import { type SopSummary } from '../../db/library';
import { Button } from '../../ui/Button';
import { DateInput } from '../../ui/DateInput';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { EMPTY_DATE_PARTS, partsFromIso } from '../../ui/calendarDate';
import { readDateRange } from './dateRange';
import { dateInputToMs, dayAfterInputToMs } from './formatTime';
import { MODALITY_LABEL, STATUS_LABEL, URGENCY_LABEL } from './labels';

export interface FilterFields {
  from: string;
  to: string;
  sopId: string;
  modality: string;
  site: string;
  urgency: string;
  status: string;
  outcomeStepId: string;
}

export const EMPTY_FILTER_FIELDS: FilterFields = { from: '', to: '', sopId: '', modality: '', site: '', urgency: '', status: '', outcomeStepId: '' };

/** Form fields to a query; empty fields do not filter. The "to" date is inclusive. */
export function filtersFromFields(fields: FilterFields): EpisodeFilters {
  const filters: EpisodeFilters = {};
  const from = dateInputToMs(fields.from);
  const to = dayAfterInputToMs(fields.to);
  if (from !== undefined) filters.from = from;
  if (to !== undefined) filters.to = to;
  if (fields.sopId) filters.sopId = fields.sopId;
  if (fields.modality) filters.modality = fields.modality;
  if (fields.site.trim()) filters.site = fields.site.trim();
  if (URGENCIES.includes(fields.urgency as Urgency)) filters.urgency = fields.urgency as Urgency;
  if (EPISODE_STATUSES.includes(fields.status as EpisodeStatus)) filters.status = fields.status as EpisodeStatus;
  if (fields.outcomeStepId) filters.outcomeStepId = fields.outcomeStepId;
  return filters;
}

interface Props {
  sops: SopSummary[];
  initial: FilterFields;
  onApply(fields: FilterFields): void;
}

export function EpisodeFiltersForm({ sops, initial, onApply }: Props) {
  const [fields, setFields] = useState(initial);
  const [fromParts, setFromParts] = useState(() => partsFromIso(initial.from));
  const [toParts, setToParts] = useState(() => partsFromIso(initial.to));
  const [failedSubmits, setFailedSubmits] = useState(0);
  const id = useId();
  const range = readDateRange(fromParts, toParts, `${id}-from`, `${id}-to`);
  const set = (key: keyof FilterFields) => (event: { target: { value: string } }) => setFields((old) => ({ ...old, [key]: event.target.value }));
  const sopIds = [...new Map(sops.map((sop) => [sop.id, sop.title])).entries()];
  const outcomes = [...new Map(sops.filter((sop) => !fields.sopId || sop.id === fields.sopId).flatMap((sop) => sop.outcomes.map((o) => [o.id, o.title] as const))).entries()];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (range.problems.length > 0) {
      setFailedSubmits((count) => count + 1);
      return;
    }
    onApply({ ...fields, from: range.from, to: range.to });
  };
  const clear = () => {
    setFields(EMPTY_FILTER_FIELDS);
    setFromParts(EMPTY_DATE_PARTS);
    setToParts(EMPTY_DATE_PARTS);
    setFailedSubmits(0);
    onApply(EMPTY_FILTER_FIELDS);
  };

  return (
    <form className="log-filters" onSubmit={submit} aria-label="Filter episodes" noValidate>
      <div className="log-filters__summary">
        <ErrorSummary problems={range.problems} failedSubmits={failedSubmits} />
      </div>
      <div className="log-filters__dates">
        <DateInput id={`${id}-from`} legend="From date" value={fromParts} onChange={setFromParts} error={failedSubmits > 0 ? range.errorFor(`${id}-from`) : null} />
        <DateInput id={`${id}-to`} legend="To date (inclusive)" value={toParts} onChange={setToParts} error={failedSubmits > 0 ? range.errorFor(`${id}-to`) : null} />
      </div>
      <div className="log-field">
        <label htmlFor={`${id}-sop`}>SOP</label>
        <select id={`${id}-sop`} value={fields.sopId} onChange={set('sopId')}>
          <option value="">Any SOP</option>
          {sopIds.map(([sopId, title]) => <option key={sopId} value={sopId}>{title || sopId}</option>)}
        </select>
      </div>
      <div className="log-field">
        <label htmlFor={`${id}-modality`}>Modality</label>
        <select id={`${id}-modality`} value={fields.modality} onChange={set('modality')}>
          <option value="">Any modality</option>
          {Object.entries(MODALITY_LABEL).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </div>
      <div className="log-field">
        <label htmlFor={`${id}-site`}>Site (exact name)</label>
        <input id={`${id}-site`} type="text" value={fields.site} onChange={set('site')} autoComplete="off" />
      </div>
      <div className="log-field">
        <label htmlFor={`${id}-urgency`}>Urgency</label>
        <select id={`${id}-urgency`} value={fields.urgency} onChange={set('urgency')}>
          <option value="">Any urgency</option>
          {URGENCIES.map((value) => <option key={value} value={value}>{URGENCY_LABEL[value]}</option>)}
        </select>
      </div>
      <div className="log-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={fields.status} onChange={set('status')}>
          <option value="">Any status</option>
          {EPISODE_STATUSES.map((value) => <option key={value} value={value}>{STATUS_LABEL[value]}</option>)}
        </select>
      </div>
      <div className="log-field">
        <label htmlFor={`${id}-outcome`}>Outcome</label>
        <select id={`${id}-outcome`} value={fields.outcomeStepId} onChange={set('outcomeStepId')}>
          <option value="">Any outcome</option>
          {outcomes.map(([value, title]) => <option key={value} value={value}>{title}</option>)}
        </select>
      </div>
      <div className="log-filters__actions">
        <Button type="submit">Apply filters</Button>
        <Button variant="secondary" onClick={clear}>Clear filters</Button>
      </div>
    </form>
  );
}
