// The episode screen's clocks (the trail's elapsed time, a countdown, the CPR
// clock, the timers tray) tick once a second. A tick drawn while a tap's record
// is being saved lands in the frame that shows the tap's step and makes it late:
// in `npm run bench:runner` (4x throttling, 243 taps) the 5 taps a tick fell in
// took 31.8 ms at the median against 19.4 ms for the rest (the run's p95 was
// 27.9 ms). So a tick that comes during a tap is drawn just after the frame showing
// the tap's step is painted (or once a failed write is reported), never in it.
// A save that takes longer than a tap should (a slow disk, a queue of CPR taps)
// holds no clock for more than HOLD_AT_MOST_MS. A tick reads the clock when it
// is drawn, so the time it shows is never stale.
import { afterNextPaint } from '../../../shared/platform';
import type { EpisodeController } from '../episode/episodeController';
import type { ClockHold } from '../timers/clockHold';

/** Far longer than a tap's save and frame (about 20–50 ms on a tablet), far shorter than a clock's second. */
export const HOLD_AT_MOST_MS = 250;

export function holdClocksDuringTaps(controller: Pick<EpisodeController, 'afterTapSaved'>): ClockHold {
  return (tick) => {
    let done = false;
    let cancelPaint = () => undefined as void;
    let bound: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      if (done) return;
      done = true;
      cancelPaint();
      clearTimeout(bound);
      tick();
    };
    const cancelWait = controller.afterTapSaved((waited) => {
      if (waited) cancelPaint = afterNextPaint(draw);
      else draw();
    });
    if (!done) {
      bound = setTimeout(() => {
        cancelWait();
        draw();
      }, HOLD_AT_MOST_MS);
    }
    return () => {
      done = true;
      cancelWait();
      cancelPaint();
      clearTimeout(bound);
    };
  };
}
