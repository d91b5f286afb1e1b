// How a run is written to the episode log and read back. Each input event is
// stored as the records it produced; the first record of each step names the
// event exactly, so the machine events can be rebuilt from the log alone.
import { parseSopEvent, type LoggedEvent, type SopEvent, type StepRecord } from '../../../engine';
import type { NewEvent } from '../../../db/log';

export interface LogRow {
  type: string;
  stepId: string;
  data: Record<string, unknown>;
  at: number;
}

export function recordToRow(record: StepRecord): NewEvent {
  return {
    id: globalThis.crypto.randomUUID(),
    type: record.type,
    stepId: record.stepId,
    at: record.at,
    data: { ...record.data, sopId: record.sopId, sopVersion: record.sopVersion, stepKind: record.stepKind },
  };
}

export function undoRow(at: number, stepId: string): NewEvent {
  return { id: globalThis.crypto.randomUUID(), type: 'undo', stepId, at, data: {} };
}

const EVENT_OF_RECORD: Record<string, (row: LogRow) => unknown> = {
  answered: (row) => ({ type: 'ANSWER', option: row.data.option, at: row.at }),
  ticked: (row) => ({ type: 'TICK', item: row.data.item, checked: row.data.checked, at: row.at }),
  continued: (row) => ({ type: 'CONTINUE', at: row.at }),
  'contact-attempt': (row) => ({
    type: 'CONTACT', outcome: row.data.outcome, at: row.at,
    ...(row.data.notConfigured === true ? { notConfigured: true } : {}),
    ...(typeof row.data.advice === 'string' ? { advice: row.data.advice } : {}),
  }),
  'wait-ended': (row) => ({ type: 'END_WAIT', option: row.data.option, at: row.at }),
  'timer-expired': (row) => ({ type: 'TIMER_EXPIRED', at: row.at }),
  'wait-skipped': (row) => ({ type: 'SKIP_WAIT', at: row.at }),
  collapse: (row) => ({ type: 'COLLAPSE', at: row.at }),
  'reminder-done': (row) => ({ type: 'REMINDER_DONE', item: row.data.item, at: row.at }),
};

/**
 * The machine events behind stored rows, in order. Rows such as step-entered
 * or outcome-reached are consequences, not causes, and are skipped; a row that
 * does not parse as a valid event is refused (the log is untrusted input).
 */
export function eventsFromRows(rows: readonly LogRow[]): { events: LoggedEvent[]; refused: number } {
  const events: LoggedEvent[] = [];
  let refused = 0;
  for (const row of rows) {
    if (row.type === 'undo') {
      events.push({ type: 'UNDO', at: row.at });
      continue;
    }
    const toEvent = EVENT_OF_RECORD[row.type];
    if (!toEvent) continue;
    const event: SopEvent | null = parseSopEvent(toEvent(row));
    if (event) events.push(event);
    else refused += 1;
  }
  return { events, refused };
}
