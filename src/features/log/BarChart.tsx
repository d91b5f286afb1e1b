// A horizontal bar chart drawn as inline SVG (no chart library): stacked or
// grouped series per category. The SVG carries a title and description, and
// the same numbers are always available as a table for screen readers.
import { useId } from 'react';

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

export function BarChart({ title, description, categoryHeading, categories, series, values, mode, formatValue = String }: BarChartProps) {
  const id = useId();
  const totals = values.map((row) => (mode === 'stacked' ? row.reduce((sum, value) => sum + value, 0) : Math.max(0, ...row)));
  const max = Math.max(1, ...totals);
  const bandHeight = mode === 'stacked' ? BAR_HEIGHT : BAR_HEIGHT * series.length;
  const height = categories.length * (bandHeight + ROW_GAP) + ROW_GAP;
  const scale = (value: number) => (value / max) * BAR_AREA;

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
          const top = ROW_GAP + row * (bandHeight + ROW_GAP);
          let x = LABEL_WIDTH;
          return (
            <g key={category}>
              <text x={LABEL_WIDTH - 8} y={top + bandHeight / 2} textAnchor="end" dominantBaseline="middle" className="log-chart__label">{category}</text>
              {series.map((name, index) => {
                const value = values[row]?.[index] ?? 0;
                const width = scale(value);
                const rect = mode === 'stacked'
                  ? { x, y: top, height: BAR_HEIGHT }
                  : { x: LABEL_WIDTH, y: top + index * BAR_HEIGHT, height: BAR_HEIGHT - 2 };
                if (mode === 'stacked') x += width;
                return (
                  <rect key={name} {...rect} width={width} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} stroke="#fff" strokeWidth={1}>
                    <title>{`${category}, ${name}: ${formatValue(value)}`}</title>
                  </rect>
                );
              })}
              <text x={LABEL_WIDTH + scale(totals[row] ?? 0) + 6} y={top + bandHeight / 2} dominantBaseline="middle" className="log-chart__value">
                {mode === 'stacked' ? formatValue(totals[row] ?? 0) : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="log-chart__data">
        <summary>Show the data as a table</summary>
        <table className="log-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeading}</th>
              {series.map((name) => <th key={name} scope="col">{name}</th>)}
              {mode === 'stacked' && series.length > 1 && <th scope="col">Total</th>}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, row) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((name, index) => <td key={name}>{formatValue(values[row]?.[index] ?? 0)}</td>)}
                {mode === 'stacked' && series.length > 1 && <td>{formatValue(totals[row] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
