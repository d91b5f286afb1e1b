// Episodes over time: one line per series (e.g. urgency reached) across the
// months, drawn as inline SVG. Each series has its own marker shape as well
// as its colour (colour is never the only signal), the last point of each
// line carries its value, every point its exact figure as a tooltip, and the
// same numbers are always there as a table. With fewer than two months it says
// there is no trend to draw yet.
import { useId } from 'react';
import { SERIES_COLOURS } from './BarChart';
import { ChartDataTable } from './ChartDataTable';

export interface TrendChartProps {
  title: string;
  description: string;
  months: string[];
  series: string[];
  /** values[series][month] */
  values: number[][];
}

const LEFT = 44;
const RIGHT = 56;
const TOP = 16;
const PLOT_HEIGHT = 200;
const BOTTOM = 34;
const WIDTH = 560;
/** Month labels are about 56 px wide: show every n-th so they never overlap (the table has them all). */
const LABEL_ROOM = 60;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

function Marker({ shape, x, y, colour }: { shape: MarkerShape; x: number; y: number; colour: string }) {
  const r = 5;
  if (shape === 'circle') return <circle cx={x} cy={y} r={r} fill={colour} />;
  if (shape === 'square') return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
  if (shape === 'triangle') return <path d={`M${x} ${y - r - 1} L${x + r + 1} ${y + r} L${x - r - 1} ${y + r} Z`} fill={colour} />;
  return <path d={`M${x} ${y - r - 1} L${x + r + 1} ${y} L${x} ${y + r + 1} L${x - r - 1} ${y} Z`} fill={colour} />;
}

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value)!;
}

export function TrendChart({ title, description, months, series, values }: TrendChartProps) {
  const id = useId();
  if (months.length < 2) {
    return (
      <figure className="log-chart">
        <figcaption className="log-chart__title">{title}</figcaption>
        <p className="log-chart__empty">
          {months.length === 0 ? 'No data for this chart in this range.' : 'Only one month in this range: no trend to draw yet.'}
        </p>
      </figure>
    );
  }
  const max = niceMax(Math.max(0, ...values.flat()));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const xOf = (month: number) => LEFT + (month / (months.length - 1)) * plotWidth;
  const yOf = (value: number) => TOP + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT;
  const every = Math.max(1, Math.ceil((months.length * LABEL_ROOM) / plotWidth));
  const colour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
  const marker = (index: number) => MARKERS[index % MARKERS.length]!;
  return (
    <figure className="log-chart">
      <figcaption className="log-chart__title">{title}</figcaption>
      <ul className="log-chart__legend" aria-label={`Key for ${title}`}>
        {series.map((name, index) => (
          <li key={name}>
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" className="log-chart__marker">
              <Marker shape={marker(index)} x={7} y={7} colour={colour(index)} />
            </svg>
            {name}
          </li>
        ))}
      </ul>
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${TOP + PLOT_HEIGHT + BOTTOM}`} className="log-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={yOf(tick)} y2={yOf(tick)} className="log-chart__grid" />
            <text x={LEFT - 6} y={yOf(tick)} textAnchor="end" dominantBaseline="middle" className="log-chart__label">{tick}</text>
          </g>
        ))}
        {months.map((month, index) => (index % every === 0 || index === months.length - 1 ? (
          <text key={month} x={xOf(index)} y={TOP + PLOT_HEIGHT + 20} textAnchor="middle" className="log-chart__label">{month}</text>
        ) : null))}
        {series.map((name, index) => {
          const row = values[index] ?? [];
          const points = months.map((_, m) => `${xOf(m)},${yOf(row[m] ?? 0)}`).join(' ');
          const last = row[months.length - 1] ?? 0;
          return (
            <g key={name}>
              <polyline points={points} fill="none" stroke={colour(index)} strokeWidth={2.5} />
              {months.map((month, m) => (
                <g key={month}>
                  <Marker shape={marker(index)} x={xOf(m)} y={yOf(row[m] ?? 0)} colour={colour(index)} />
                  <title>{`${month}, ${name}: ${row[m] ?? 0}`}</title>
                </g>
              ))}
              <text x={xOf(months.length - 1) + 10} y={yOf(last)} dominantBaseline="middle" className="log-chart__value">{last}</text>
            </g>
          );
        })}
      </svg>
      <ChartDataTable
        title={title}
        columns={['Month', ...series]}
        rows={months.map((month, m) => ({ heading: month, cells: series.map((_, index) => String(values[index]?.[m] ?? 0)) }))}
      />
    </figure>
  );
}
