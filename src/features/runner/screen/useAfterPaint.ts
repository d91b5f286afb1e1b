// What the episode screen draws around the step (the trail, the timers, Back,
// the scan-type check) moves on just after the frame that shows a new step is
// painted. A tap's frame then lays out and paints the step alone, and the parts
// around it follow one frame later (bench:runner:frames: a changed trail line
// in the tap's frame cost 1 to 2 ms more at 4x throttling).
import { useEffect, useState } from 'react';
import { afterNextPaint } from '../../../shared/platform';

/** `value` as of the last frame painted: a new one is returned once a frame has been painted since it came. */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => (Object.is(shown, value) ? undefined : afterNextPaint(() => setShown(value))), [shown, value]);
  return shown;
}
