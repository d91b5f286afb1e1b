// When the runner's log writes are made durable. Each tap's append commits
// `relaxed`: the operating system has it, so it survives a reload, a closed
// tab or a browser crash, but a power cut or a system crash in the next
// seconds could lose it. The tap is not held for the disk (most of a slow
// tap's tail on a busy tablet). A strict commit flushes every change written
// before it (IndexedDB 3.0, `durability: "strict"`), so one strict write, the
// snapshot save, follows the taps: at the worker's first pause, at most
// AT_MOST_MS after the first write it covers, and at once when the page is
// hidden (screen off, app switched, tab closed). A power cut can then lose only
// the last seconds of taps, and never one from the middle: the storage
// engines write in order, so what survives is the start of the chain.
// Hazard H03, docs/clinical-safety/hazard-log.md.

/** The worker's pause after which the written steps are flushed. */
export const CHECKPOINT_PAUSE_MS = 1500;
/** However fast the taps come, a written step is flushed within this long. */
export const CHECKPOINT_AT_MOST_MS = 3000;

export class CheckpointSchedule {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the first write not yet covered by a checkpoint was stored; null when all are covered. */
  private unflushedSince: number | null = null;
  private stores = 0;
  private urgent = false;

  constructor(
    /** The strict write. When it fails the writes stay owed: the next stored write, or hiding the page, tries again. */
    private readonly checkpoint: () => Promise<void>,
    /** True while a write is in flight or waiting: the checkpoint follows it instead of racing it. */
    private readonly busy: () => boolean,
  ) {}

  /** A write was stored (relaxed). */
  stored(): void {
    this.stores += 1;
    this.unflushedSince ??= Date.now();
    if (this.urgent) {
      this.run();
      return;
    }
    const untilLimit = this.unflushedSince + CHECKPOINT_AT_MOST_MS - Date.now();
    this.arm(Math.max(0, Math.min(CHECKPOINT_PAUSE_MS, untilLimit)));
  }

  /** The page is being hidden: flush now, or as soon as the write in flight lands. */
  now(): void {
    if (this.unflushedSince === null && !this.busy()) return;
    this.urgent = true;
    this.run();
  }

  /** The episode is over (its end is written strictly): nothing more to schedule. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.urgent = false;
  }

  private arm(delay: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, delay);
  }

  private run(): void {
    if (this.unflushedSince === null || this.busy()) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.urgent = false;
    const covered = this.stores;
    this.checkpoint().then(
      () => {
        // A write stored while the checkpoint ran may have missed it: it keeps the debt.
        if (this.stores === covered) this.unflushedSince = null;
      },
      () => undefined,
    );
  }
}
