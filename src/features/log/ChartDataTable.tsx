// The numbers behind a chart as a table, folded under "Show the data as a
// table": what a screen reader user (or anyone checking a figure) reads.
import '../../ui/dataTable.css';
export interface ChartDataTableProps {
  title: string;
  /** The row heading's column, then one column per series. */
  columns: string[];
  rows: Array<{ heading: string; cells: string[] }>;
}

export function ChartDataTable({ title, columns, rows }: ChartDataTableProps) {
  return (
    <details className="log-chart__data">
      <summary>Show the data as a table</summary>
      <table className="data-table">
        <caption>{title}</caption>
        <thead>
          <tr>{columns.map((name) => <th key={name} scope="col">{name}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.heading}>
              <th scope="row">{row.heading}</th>
              {row.cells.map((cell, index) => <td key={columns[index + 1] ?? index}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
