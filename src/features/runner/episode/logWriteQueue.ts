// The episode's writes, one batch at a time and in order: a later step never
// overtakes a failed one, and a failed batch stays queued (same event ids)
// until a retry stores it exactly once.
import type { NewEvent } from '../../../db/log';
import { failureMessage } from './failureMessage';

export interface WriteOutcome {
  /** Everything queued is stored; `seq` is the log's new head, or null if there was nothing to write. */
  stored(seq: number | null): void;
  failed(message: string): void;
  /** The write is taking long enough to be worth announcing. */
  slow(): void;
}

const SLOW_WRITE_MS = 150;

export class LogWriteQueue {
  private readonly unsaved: NewEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private inFlight = false;
  /** Flushes asked for and not yet finished (a write queued behind another counts too). */
  private flushing = 0;

  constructor(
    private readonly append: (events: readonly NewEvent[]) => Promise<{ seq: number }>,
    private readonly outcome: WriteOutcome,
  ) {}

  get writing(): boolean {
    return this.inFlight;
  }

  /** Whether a write is in flight or about to start (a failed batch waiting for a retry is not). */
  get busy(): boolean {
    return this.flushing > 0;
  }

  get pending(): number {
    return this.unsaved.length;
  }

  push(rows: readonly NewEvent[]): Promise<void> {
    this.unsaved.push(...rows);
    return this.flush();
  }

  flush(): Promise<void> {
    this.flushing += 1;
    const done = () => {
      this.flushing -= 1;
    };
    this.chain = this.chain.then(() => this.writeUnsaved()).then(done, (error: unknown) => {
      done();
      throw error;
    });
    return this.chain;
  }

  private async writeUnsaved(): Promise<void> {
    if (this.unsaved.length === 0) return this.outcome.stored(null);
    const batch = this.unsaved.slice();
    const startedAt = performance.now();
    this.inFlight = true;
    const slow = setTimeout(() => this.inFlight && this.outcome.slow(), SLOW_WRITE_MS);
    try {
      const { seq } = await this.append(batch);
      // User Timing entry, so `npm run bench:runner` can tell storage time from render time.
      performance.measure('runner:log-write', { start: startedAt, end: performance.now() });
      this.unsaved.splice(0, batch.length);
      this.inFlight = false;
      this.outcome.stored(seq);
    } catch (error) {
      this.inFlight = false;
      this.outcome.failed(failureMessage(error));
    } finally {
      clearTimeout(slow);
    }
  }
}
