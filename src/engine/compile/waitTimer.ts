// The restartable timer behind every wait step. It is invoked while the wait
// is active (and so restarted when an actor is restored from a persisted
// snapshot) and sends TIMER_EXPIRED stamped with the ORIGINAL deadline. It
// reads the wall clock only to know when to fire; the machine's logic takes
// time from events alone.
import { fromCallback } from 'xstate';
import type { SopEvent } from './runTypes';

export interface WaitTimerInput {
  deadline: number | null;
}

export const waitTimer = fromCallback<SopEvent, WaitTimerInput>(({ sendBack, input }) => {
  const { deadline } = input;
  if (deadline === null) return undefined;
  const handle = setTimeout(() => sendBack({ type: 'TIMER_EXPIRED', at: deadline }), Math.max(0, deadline - Date.now()));
  return () => clearTimeout(handle);
});
