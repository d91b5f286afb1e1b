// The dashboard's pictures: labels wrapped, never cut; values on every bar; a
// chart with nothing to show says so; the trend over time with a marker shape
// per series, its last values and the figures as a table.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { BarChart } from '../../../src/features/log/BarChart';
import { TrendChart } from '../../../src/features/log/TrendChart';
import { wrapLabel } from '../../../src/features/log/chartText';

const LONG = 'Atrial arrhythmia with a rapid ventricular rate (n=12)';

describe('chart labels', () => {
  it('wrap into lines that fit, keeping every word', () => {
    const lines = wrapLabel(LONG, 26);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.length <= 26)).toBe(true);
    expect(lines.join(' ')).toBe(LONG);
    expect(wrapLabel('a-very-long-role-identifier-for-a-registrar', 20).every((line) => line.length <= 20)).toBe(true);
  });
});

describe('bar chart', () => {
  it('draws a long category label whole, over lines, and shows each grouped bar\'s value', () => {
    const { container } = render(
      <BarChart title="Minutes" description="d" categoryHeading="SOP" categories={[LONG, 'Heart block (n=3)']} series={['Median', '90th percentile']}
        values={[[4.5, 12], [2, 3.5]]} mode="grouped" formatValue={(v) => `${v} min`} />,
    );
    const label = [...container.querySelectorAll('svg text')].find((text) => text.textContent?.startsWith('Atrial'))!;
    const lines = [...label.querySelectorAll('tspan')].map((tspan) => tspan.textContent);
    expect(lines.join(' ')).toBe(LONG);
    expect(lines.every((line) => (line ?? '').length <= 26)).toBe(true);
    const values = [...container.querySelectorAll('svg text')].map((text) => text.textContent);
    for (const value of ['4.5 min', '12 min', '2 min', '3.5 min']) expect(values).toContain(value);
  });

  it('says when there is nothing to draw', () => {
    render(<BarChart title="Contacts that most often did not answer" description="d" categoryHeading="Role" categories={[]} series={['No answer']} values={[]} mode="grouped" />);
    expect(screen.getByText('No data for this chart in this range.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});

describe('trend chart', () => {
  it('draws a line per series over the months with a marker shape each, the last values, and a table', () => {
    const { container } = render(
      <TrendChart title="Episodes per month by urgency reached" description="d" months={['2026-01', '2026-02', '2026-03']}
        series={['Emergency now', 'Routine']} values={[[1, 4, 2], [0, 3, 7]]} />,
    );
    expect(screen.getByRole('img', { name: /Episodes per month by urgency reached/ })).toBeInTheDocument();
    expect(container.querySelectorAll('svg[role="img"] polyline')).toHaveLength(2);
    // A circle for the first series, a square for the second: colour is not the only signal.
    expect(container.querySelectorAll('svg[role="img"] circle')).toHaveLength(3);
    expect(container.querySelectorAll('svg[role="img"] rect')).toHaveLength(3);
    const drawn = [...container.querySelectorAll('svg[role="img"] text')].map((text) => text.textContent);
    expect(drawn).toEqual(expect.arrayContaining(['2026-01', '2026-03', '2', '7']));
    const table = screen.getByRole('table', { name: 'Episodes per month by urgency reached' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(within(table).getAllByRole('row')[2]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['4', '3']);
  });

  it('says there is no trend yet with one month, and nothing to draw with none', () => {
    const { rerender } = render(<TrendChart title="Trend" description="d" months={['2026-01']} series={['Routine']} values={[[3]]} />);
    expect(screen.getByText('Only one month in this range: no trend to draw yet.')).toBeInTheDocument();
    rerender(<TrendChart title="Trend" description="d" months={[]} series={[]} values={[]} />);
    expect(screen.getByText('No data for this chart in this range.')).toBeInTheDocument();
  });
});
