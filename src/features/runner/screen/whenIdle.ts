// Runs work once the browser is idle (after the current frame is painted), or
// after a short pause where requestIdleCallback is missing (Safari on iPad).
// Returns a cancel function, for use as an effect's clean-up.
export function whenIdle(work: () => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(work, { timeout: 1000 });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}
