// When a clock on the episode screen (the trail's elapsed time, a wait's
// countdown, the CPR clock, the timers tray) may draw its next tick. By
// default at once; the episode screen holds a tick that comes during a tap
// until the frame showing the tap's step is painted (screen/tapClockHold.ts).

import { createContext } from 'react';

/** Draws `tick` now or later; returns a cancel function for a tick not yet drawn. */
export type ClockHold = (tick: () => void) => () => void;

export const tickAtOnce: ClockHold = (tick) => {
  tick();
  return () => undefined;
};

export const ClockHoldContext = createContext<ClockHold>(tickAtOnce);
