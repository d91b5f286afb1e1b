// Tablet clocks drift and get corrected mid-episode. Each event carries wall
// and monotonic time; where the two disagree between consecutive events, the
// wall clock was changed and intervals across that point are not exact.
import type { EventRow } from '../../db/database';

export interface ClockJump {
  afterSeq: number;
  /** Wall-clock change not explained by elapsed time, ms (positive: clock moved forward). */
  jumpMs: number;
}

/** Jumps larger than the threshold. A page reload restarts the monotonic clock from the wall clock, so it reads as no jump. */
export function clockJumps(events: readonly EventRow[], thresholdMs = 30_000): ClockJump[] {
  const jumps: ClockJump[] = [];
  for (let i = 1; i < events.length; i += 1) {
    const before = events[i - 1]!;
    const after = events[i]!;
    const jumpMs = after.at - before.at - (after.mono - before.mono);
    if (Math.abs(jumpMs) > thresholdMs) jumps.push({ afterSeq: before.seq, jumpMs });
  }
  return jumps;
}
