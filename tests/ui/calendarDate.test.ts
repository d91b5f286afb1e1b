// Day, month and year read as an ISO day, or the problem in words.
import { describe, expect, it } from 'vitest';
import { partsFromIso, readDate } from '../../src/ui/calendarDate';

describe('readDate', () => {
  it('reads a real date as YYYY-MM-DD, with or without leading zeros', () => {
    expect(readDate({ day: '7', month: '3', year: '2026' }, 'Sign-off date')).toEqual({ kind: 'date', iso: '2026-03-07' });
    expect(readDate({ day: '29', month: '02', year: '2028' }, 'Sign-off date')).toEqual({ kind: 'date', iso: '2028-02-29' });
  });

  it('calls three empty fields empty, not wrong', () => {
    expect(readDate({ day: '', month: ' ', year: '' }, 'From date')).toEqual({ kind: 'empty' });
  });

  it('refuses dates that do not exist, naming the part to fix', () => {
    expect(readDate({ day: '31', month: '2', year: '2026' }, 'Review due date')).toEqual({ kind: 'problem', message: 'Review due date must be a real date', part: 'day' });
    expect(readDate({ day: '29', month: '2', year: '2027' }, 'Review due date')).toMatchObject({ kind: 'problem', part: 'day' });
    expect(readDate({ day: '1', month: '13', year: '2026' }, 'Review due date')).toMatchObject({ kind: 'problem', part: 'month' });
    expect(readDate({ day: 'x', month: '1', year: '2026' }, 'Review due date')).toMatchObject({ kind: 'problem', part: 'day' });
    expect(readDate({ day: '1', month: '1', year: '26' }, 'Review due date')).toMatchObject({ kind: 'problem', message: 'Review due date: the year must have 4 numbers', part: 'year' });
  });

  it('says which parts are missing', () => {
    expect(readDate({ day: '', month: '', year: '2026' }, 'To date')).toEqual({ kind: 'problem', message: 'To date must include a day and month', part: 'day' });
    expect(readDate({ day: '3', month: '', year: '' }, 'To date')).toMatchObject({ message: 'To date must include a month and year', part: 'month' });
  });
});

describe('partsFromIso', () => {
  it('shows an ISO day as the three fields, and anything else as empty fields', () => {
    expect(partsFromIso('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(partsFromIso('')).toEqual({ day: '', month: '', year: '' });
  });
});
