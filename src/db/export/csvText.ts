// Writing CSV text in one pass: formula neutralising (a cell a spreadsheet
// would run as a formula gets an apostrophe) and quoting exactly as Papa
// Parse's unparse quotes, which the exports used before this faster writer.
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
/** Papa quotes a cell holding a quote, comma, line break or byte-order mark, or starting or ending with a space. */
const NEEDS_QUOTES = /[",\r\n\ufeff]|^ | $/;

export function neutraliseCell(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly Cell[]): string {
  let line = '';
  for (let index = 0; index < cells.length; index += 1) line += (index === 0 ? '' : ',') + csvCell(cells[index]!);
  return line;
}

/** Rows joined with CRLF and no line break after the last, as a spreadsheet (and Papa) writes them. */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return rows.map(csvLine).join('\r\n');
}
