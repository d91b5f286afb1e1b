// Work timed against the browser's frames.

/**
 * Runs `task` just after the next frame is painted: a task posted from the
 * frame's rAF callbacks runs once that frame is done. Returns a cancel function.
 */
export function afterNextPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
