// A date typed as day, month and year (the NHS date input) read as an ISO day
// (YYYY-MM-DD), or the problem with it in the NHS service manual's words:
// a missing part, or a date that does not exist (31 February).

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const EMPTY_DATE_PARTS: DateParts = { day: '', month: '', year: '' };

export type DateReading =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** `part` is the first field to fix (the error summary links to it). */
  | { kind: 'problem'; message: string; part: DatePart };

const PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** An ISO day (or '') as the three fields show it: no leading zeros on day and month. */
export function partsFromIso(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return EMPTY_DATE_PARTS;
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

const joined = (words: string[]): string => (words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`);

/** `name` is the date's label as a sentence starts it, e.g. "Sign-off date". */
export function readDate(parts: DateParts, name: string): DateReading {
  const trimmed = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = PARTS.filter((part) => trimmed[part] === '');
  if (missing.length === PARTS.length) return { kind: 'empty' };
  if (missing.length > 0) return { kind: 'problem', message: `${name} must include a ${joined(missing)}`, part: missing[0]! };
  const notNumber = PARTS.find((part) => !/^\d+$/.test(trimmed[part]));
  if (notNumber) return { kind: 'problem', message: `${name} must be a real date`, part: notNumber };
  if (trimmed.year.length !== 4) return { kind: 'problem', message: `${name}: the year must have 4 numbers`, part: 'year' };
  const day = Number(trimmed.day);
  const month = Number(trimmed.month);
  const year = Number(trimmed.year);
  if (month < 1 || month > 12) return { kind: 'problem', message: `${name} must be a real date`, part: 'month' };
  // Day 0 of the next month is the last day of this one (29 February only in a leap year).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return { kind: 'problem', message: `${name} must be a real date`, part: 'day' };
  const pad = (value: number) => String(value).padStart(2, '0');
  return { kind: 'date', iso: `${trimmed.year}-${pad(month)}-${pad(day)}` };
}
