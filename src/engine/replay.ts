// Pure rebuilding of a run from its event log: no actors, no timers, so undo
// and a stale-snapshot rebuild give exactly the state the events describe.
import type { LoggedEvent, SopEvent, SopInput } from './compile/runTypes';
import type { SopMachine } from './compile/compileSop';
import { stepperFor } from './stepper';

/** Events that move from one step to another (the ones UNDO takes back). */
const STEP_MOVING = new Set<string>(['ANSWER', 'CONTINUE', 'CONTACT', 'END_WAIT', 'TIMER_EXPIRED', 'SKIP_WAIT']);

/**
 * The effective events after applying every UNDO: each UNDO removes the latest
 * remaining step-moving event and any TICK / REMINDER_DONE after it. An UNDO
 * with nothing left to undo is ignored. COLLAPSE is never undone.
 */
export function foldUndo(events: readonly LoggedEvent[]): SopEvent[] {
  const kept: SopEvent[] = [];
  for (const event of events) {
    if (event.type !== 'UNDO') {
      kept.push(event);
      continue;
    }
    let last = kept.length - 1;
    while (last >= 0 && !STEP_MOVING.has(kept[last]!.type)) {
      if (kept[last]!.type === 'COLLAPSE') break;
      last -= 1;
    }
    if (last >= 0 && STEP_MOVING.has(kept[last]!.type)) kept.length = last;
  }
  return kept;
}

/** The snapshot reached by applying `events` from the start (records are not emitted). */
export function replaySop(machine: SopMachine, input: SopInput, events: readonly SopEvent[]) {
  const stepper = stepperFor(machine);
  let [snapshot] = stepper.initial(input);
  for (const event of events) {
    [snapshot] = stepper.next(snapshot, event);
  }
  return snapshot;
}

export type SopSnapshot = ReturnType<typeof replaySop>;
