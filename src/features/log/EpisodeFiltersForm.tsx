// The list's filters: date range, SOP, modality, site, urgency, status and
// outcome. Applied on submit so a half-typed site name never runs a query.
import { useId, useState, type FormEvent } from 'react';
import { URGENCIES, EPISODE_STATUSES, type Urgency, type EpisodeStatus } from '../../db/database';
import { type EpisodeFilters } from '../../db/read';
import { type SopSummary } from '../../db/library';
import { Button } from '../../ui/Button';
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
  const id = useId();
  const set = (key: keyof FilterFields) => (event: { target: { value: string } }) => setFields((old) => ({ ...old, [key]: event.target.value }));
  const sopIds = [...new Map(sops.map((sop) => [sop.id, sop.title])).entries()];
  const outcomes = [...new Map(sops.filter((sop) => !fields.sopId || sop.id === fields.sopId).flatMap((sop) => sop.outcomes.map((o) => [o.id, o.title] as const))).entries()];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(fields);
  };
  const clear = () => {
    setFields(EMPTY_FILTER_FIELDS);
    onApply(EMPTY_FILTER_FIELDS);
  };

  return (
    <form className="log-filters" onSubmit={submit} aria-label="Filter episodes">
      <div className="log-field">
        <label htmlFor={`${id}-from`}>From date</label>
        <input id={`${id}-from`} type="date" value={fields.from} onChange={set('from')} />
      </div>
      <div className="log-field">
        <label htmlFor={`${id}-to`}>To date (inclusive)</label>
        <input id={`${id}-to`} type="date" value={fields.to} onChange={set('to')} />
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
