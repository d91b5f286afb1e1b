// Drives a wait's escalation from its stored deadline: when the wall clock
// passes it (now, or at once after a reload that slept through it) the
// runner alarms and sends TIMER_EXPIRED stamped with the original deadline.
import { useEffect, useRef } from 'react';

export function useWaitExpiry(deadline: number | null, onExpire: (deadline: number) => void): void {
  const latest = useRef(onExpire);
  latest.current = onExpire;
  useEffect(() => {
    if (deadline === null) return undefined;
    let fired = false;
    const fire = () => {
      if (fired || Date.now() < deadline) return;
      fired = true;
      latest.current(deadline);
    };
    const handle = setTimeout(fire, Math.max(0, deadline - Date.now()));
    // Timers are throttled while a tablet sleeps; check again when it wakes.
    const onVisible = () => {
      if (document.visibilityState === 'visible') fire();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(handle);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [deadline]);
}
