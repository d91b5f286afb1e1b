// The wall clock, re-read every second while something is counting down. Each
// tick is drawn when the screen's clock hold lets it (clockHold.ts), and reads
// the clock when it is drawn, so a tick held back never shows a stale time.
import { useContext, useEffect, useState } from 'react';
import { ClockHoldContext } from './clockHold';

export function useNow(active = true, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  const hold = useContext(ClockHoldContext);
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    let held: (() => void) | null = null;
    const handle = setInterval(() => {
      // A tick still held is overtaken by this one.
      held?.();
      held = hold(() => {
        held = null;
        setNow(Date.now());
      });
    }, everyMs);
    return () => {
      clearInterval(handle);
      held?.();
    };
  }, [active, everyMs, hold]);
  return now;
}
