// The first screen says when it is drawn, so what the app fetches after it
// (the escalation runtime, the other sections) does not compete with it for
// the main thread. A start on another section (a deep link) waits a moment.
import { afterNextPaint } from '../platform';

const FALLBACK_MS = 1500;

let shown: () => void = () => undefined;
const drawn = new Promise<void>((resolve) => {
  shown = resolve;
});

export function markFirstScreenDrawn(): void {
  shown();
}

/** Resolves once the first screen has been painted (or after a short fallback wait). */
export function afterFirstScreen(): Promise<void> {
  const fallback = new Promise<void>((resolve) => setTimeout(resolve, FALLBACK_MS));
  return Promise.race([drawn, fallback]).then(() => new Promise<void>((resolve) => void afterNextPaint(resolve)));
}
