// A horizontal bar chart drawn as inline SVG (no chart library): stacked or
// grouped series per category. The SVG carries a title and description, and
// the same numbers are always available as a table for screen readers.
// Category labels wrap rather than run off the edge, every bar says its value,
// and a chart with nothing to show says so instead of drawing an empty frame.
import { useId } from 'react';
import { wrapLabel } from './chartText';
import { ChartDataTable } from './ChartDataTable';

export const SERIES_COLOURS = ['#005eb8', '#007f3b', '#ed8b00', '#7c2855', '#00a499', '#330072', '#425563', '#ffb81c'];

export interface BarChartProps {
  title: string;
  description: string;
  categoryHeading: string;
  categories: string[];
  series: string[];
  /** values[category][series] */
  values: number[][];
  mode: 'stacked' | 'grouped';
  formatValue?: (value: number) => string;
}

const LABEL_WIDTH = 200;
const BAR_AREA = 360;
const VALUE_WIDTH = 90;
const ROW_GAP = 10;
const BAR_HEIGHT = 22;
/** About 7 px a character at the labels' 14 px: a line fits the label column. */
const LABEL_CHARS = 26;
const LINE_HEIGHT = 17;

export function BarChart({ title, description, categoryHeading, categories, series, values, mode, formatValue = String }: BarChartProps) {
  const id = useId();
  const totals = values.map((row) => (mode === 'stacked' ? row.reduce((sum, value) => sum + value, 0) : Math.max(0, ...row)));
  const max = Math.max(1, ...totals);
  const barsHeight = mode === 'stacked' ? BAR_HEIGHT : BAR_HEIGHT * series.length;
  const labels = categories.map((category) => wrapLabel(category, LABEL_CHARS));
  const bands = labels.map((lines) => Math.max(barsHeight, lines.length * LINE_HEIGHT + 4));
  const tops = bands.map((_, row) => ROW_GAP + bands.slice(0, row).reduce((sum, band) => sum + band + ROW_GAP, 0));
  const height = bands.reduce((sum, band) => sum + band + ROW_GAP, ROW_GAP);
  const scale = (value: number) => (value / max) * BAR_AREA;
  const withTotal = mode === 'stacked' && series.length > 1;

  if (categories.length === 0) {
    return (
      <figure className="log-chart">
        <figcaption className="log-chart__title">{title}</figcaption>
        <p className="log-chart__empty">No data for this chart in this range.</p>
      </figure>
    );
  }

  return (
    <figure className="log-chart">
      <figcaption id={`${id}-caption`} className="log-chart__title">{title}</figcaption>
      {series.length > 1 && (
        <ul className="log-chart__legend" aria-label={`Key for ${title}`}>
          {series.map((name, index) => (
            <li key={name}><span className={`log-chart__swatch log-chart__swatch--${index % SERIES_COLOURS.length}`} aria-hidden="true" />{name}</li>
          ))}
        </ul>
      )}
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + VALUE_WIDTH} ${height}`} className="log-chart__svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {categories.map((category, row) => {
          const band = bands[row]!;
          const top = tops[row]!;
          const lines = labels[row]!;
          const barsTop = top + (band - barsHeight) / 2;
          let x = LABEL_WIDTH;
          return (
            <g key={category}>
              <text x={LABEL_WIDTH - 8} y={top + band / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2} textAnchor="end" dominantBaseline="middle" className="log-chart__label">
                {lines.map((line, i) => (
                  <tspan key={i} x={LABEL_WIDTH - 8} dy={i === 0 ? 0 : LINE_HEIGHT}>{line}</tspan>
                ))}
              </text>
              {series.map((name, index) => {
                const value = values[row]?.[index] ?? 0;
                const width = scale(value);
                const rect = mode === 'stacked'
                  ? { x, y: barsTop, height: BAR_HEIGHT }
                  : { x: LABEL_WIDTH, y: barsTop + index * BAR_HEIGHT, height: BAR_HEIGHT - 2 };
                if (mode === 'stacked') x += width;
                return (
                  <g key={name}>
                    <rect {...rect} width={width} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} stroke="#fff" strokeWidth={1}>
                      <title>{`${category}, ${name}: ${formatValue(value)}`}</title>
                    </rect>
                    {mode === 'grouped' ? (
                      <text x={LABEL_WIDTH + width + 6} y={rect.y + rect.height / 2} dominantBaseline="middle" className="log-chart__value">{formatValue(value)}</text>
                    ) : null}
                  </g>
                );
              })}
              {mode === 'stacked' ? (
                <text x={LABEL_WIDTH + scale(totals[row] ?? 0) + 6} y={barsTop + BAR_HEIGHT / 2} dominantBaseline="middle" className="log-chart__value">
                  {formatValue(totals[row] ?? 0)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ChartDataTable
        title={title}
        columns={[categoryHeading, ...series, ...(withTotal ? ['Total'] : [])]}
        rows={categories.map((category, row) => ({
          heading: category,
          cells: [...series.map((_, index) => formatValue(values[row]?.[index] ?? 0)), ...(withTotal ? [formatValue(totals[row] ?? 0)] : [])],
        }))}
      />
    </figure>
  );
}
