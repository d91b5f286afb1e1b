// Hazard H04 (wrong tablet clock): a wall-clock change mid-episode is found by
// comparing wall and monotonic time between consecutive events.
import { describe, expect, it } from 'vitest';
import { clockJumps } from '../../../src/features/log/clockDrift';
import type { EventRow } from '../../../src/db/database';

const event = (seq: number, at: number, mono: number) => ({ seq, at, mono }) as EventRow;

describe('clock jumps', () => {
  it('finds nothing when wall and monotonic time advance together', () => {
    expect(clockJumps([event(1, 1_000_000, 10), event(2, 1_060_000, 60_010), event(3, 1_120_000, 120_010)])).toEqual([]);
  });

  it('reports a clock set forward an hour between two events', () => {
    const jumps = clockJumps([event(1, 1_000_000, 0), event(2, 1_000_000 + 3_600_000 + 5_000, 5_000)]);
    expect(jumps).toEqual([{ afterSeq: 1, jumpMs: 3_600_000 }]);
  });

  it('reports a clock set back, and ignores drift under the threshold', () => {
    const jumps = clockJumps([event(1, 2_000_000, 0), event(2, 2_010_000, 20_000), event(3, 1_950_000, 80_000)]);
    expect(jumps).toEqual([
      { afterSeq: 2, jumpMs: -120_000 },
    ]);
    expect(clockJumps([event(1, 0, 0), event(2, 20_000, 0)])).toEqual([]);
  });
});
