// The governance dashboard: a trend and four charts over a range of months (UTC), each
// with a plain-language summary and its data as a table. Figures come from
// running monthly totals, so it stays quick with a large log.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { EPISODE_STATUSES, toStorageError, type LogDb } from '../../db/database';
import { loadDashboard, type DashboardFigures, type MonthRange } from '../../db/read';
import { type SopSummary } from '../../db/library';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { BarChart } from './BarChart';
import { TrendChart } from './TrendChart';
import { formatMinutes } from './formatTime';
import { STATUS_LABEL, URGENCY_LABEL } from './labels';

interface Props {
  db: LogDb;
  sops: SopSummary[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const minutes = (ms: number) => Number((ms / 60_000).toFixed(1));

export function Dashboard({ db, sops }: Props) {
  const id = useId();
  const [range, setRange] = useState({ from: '', to: '' });
  const [filters, setFilters] = useState<MonthRange>({});
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titles = useMemo(() => new Map(sops.map((sop) => [sop.id, sop.title])), [sops]);
  const sopName = (sopId: string) => titles.get(sopId) || sopId;

  useEffect(() => {
    let cancelled = false;
    loadDashboard(filters, db)
      .then((result) => !cancelled && setFigures(result))
      .catch((caught: unknown) => !cancelled && setError(toStorageError(caught).userMessage));
    return () => {
      cancelled = true;
    };
  }, [db, filters]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next: MonthRange = {};
    if (MONTH.test(range.from)) next.fromMonth = range.from;
    if (MONTH.test(range.to)) next.toMonth = range.to;
    setFilters(next);
  };

  const overall = figures?.timeToClinician.overall;
  return (
    <section className="log-panel" aria-labelledby="log-dashboard-heading">
      <h2 id="log-dashboard-heading">Governance dashboard</h2>
      <form className="log-filters" onSubmit={apply} aria-label="Dashboard months">
        <div className="log-field">
          <label htmlFor={`${id}-from`}>From month</label>
          <input id={`${id}-from`} type="month" placeholder="YYYY-MM" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </div>
        <div className="log-field">
          <label htmlFor={`${id}-to`}>To month (inclusive)</label>
          <input id={`${id}-to`} type="month" placeholder="YYYY-MM" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </div>
        <div className="log-filters__actions"><Button type="submit">Show figures</Button></div>
      </form>
      {error && <Banner tone="error">{error}</Banner>}
      {!figures && !error && <p role="status">Working out the figures…</p>}
      {figures && figures.total === 0 && <p role="status">No episodes in this range.</p>}
      {figures && figures.total > 0 && (
        <>
          <p role="status">
            {figures.total} episodes. Time from start to the first clinician reached: median {formatMinutes(overall?.medianMs ?? null)}, 90th
            percentile {formatMinutes(overall?.p90Ms ?? null)} ({overall?.count ?? 0} episodes reached one).
          </p>
          <div className="log-charts">
            <TrendChart
              title="Episodes per month by urgency reached"
              description={`How many episodes started each month reached each urgency, from ${figures.months[0]} to ${figures.months[figures.months.length - 1]}: the trend over time.`}
              months={figures.months}
              series={figures.urgencyLevels.map((level) => URGENCY_LABEL[level] ?? level)}
              values={figures.urgencyLevels.map((level) => figures.months.map((month) => figures.perUrgencyMonth[level]?.[month] ?? 0))}
            />
            <BarChart
              title="Episodes per SOP per month"
              description={`Number of episodes started each month, split by SOP, from ${figures.months[0]} to ${figures.months[figures.months.length - 1]}.`}
              categoryHeading="Month"
              categories={figures.months}
              series={figures.sopIds.map(sopName)}
              values={figures.months.map((month) => figures.sopIds.map((sopId) => figures.perSopMonth[sopId]?.[month] ?? 0))}
              mode="stacked"
            />
            <BarChart
              title="Outcomes by urgency"
              description="For each urgency reached, how many episodes were completed, abandoned or are still in progress."
              categoryHeading="Urgency"
              categories={figures.urgencyLevels.map((level) => URGENCY_LABEL[level] ?? level)}
              series={EPISODE_STATUSES.map((status) => STATUS_LABEL[status])}
              values={figures.urgencyLevels.map((level) => EPISODE_STATUSES.map((status) => figures.outcomesByUrgency[level]?.[status] ?? 0))}
              mode="stacked"
            />
            <BarChart
              title="Minutes from start to first clinician reached"
              description="Median and 90th percentile minutes from the start of the episode to the first clinician or receiving team who accepted or advised, per SOP."
              categoryHeading="SOP"
              categories={figures.timeToClinician.bySop.map((item) => `${sopName(item.sopId)} (n=${item.count})`)}
              series={['Median', '90th percentile']}
              values={figures.timeToClinician.bySop.map((item) => [minutes(item.medianMs ?? 0), minutes(item.p90Ms ?? 0)])}
              mode="grouped"
              formatValue={(value) => `${value} min`}
            />
            <BarChart
              title="Contacts that most often did not answer"
              description="Roles called, ranked by the number of calls with no answer, with the number of calls made to each."
              categoryHeading="Role called"
              categories={figures.unanswered.map((item) => item.role)}
              series={['No answer', 'All calls']}
              values={figures.unanswered.map((item) => [item.noAnswer, item.attempts])}
              mode="grouped"
            />
          </div>
        </>
      )}
    </section>
  );
}
