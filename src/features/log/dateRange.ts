// A from-to date range typed as two NHS date inputs, read as ISO days ('' for
// an empty date) with the problems the error summary lists: a date that does
// not exist, or a "to" date before the "from" date.
import { readDate, type DateParts, type DatePart } from '../../ui/calendarDate';
import type { FieldProblem } from '../../ui/ErrorSummary';

export interface DateRangeReading {
  from: string;
  to: string;
  problems: FieldProblem[];
  /** The inline error for one of the two date inputs (by its id), or null. */
  errorFor(dateId: string): { message: string; part?: DatePart } | null;
}

export function readDateRange(fromParts: DateParts, toParts: DateParts, fromId: string, toId: string): DateRangeReading {
  const errors = new Map<string, { message: string; part?: DatePart }>();
  const problems: FieldProblem[] = [];
  const read = (parts: DateParts, name: string, dateId: string): string => {
    const reading = readDate(parts, name);
    if (reading.kind === 'date') return reading.iso;
    if (reading.kind === 'problem') {
      errors.set(dateId, { message: reading.message, part: reading.part });
      problems.push({ fieldId: `${dateId}-${reading.part}`, message: reading.message });
    }
    return '';
  };
  const from = read(fromParts, 'From date', fromId);
  const to = read(toParts, 'To date', toId);
  if (from !== '' && to !== '' && to < from) {
    const message = 'To date must be the same as or after the from date';
    errors.set(toId, { message });
    problems.push({ fieldId: `${toId}-day`, message });
  }
  return { from, to, problems, errorFor: (dateId) => errors.get(dateId) ?? null };
}
