// Runs work just after the next frame is painted: a task queued from the
// frame's requestAnimationFrame runs once that frame is drawn. Returns a
// cancel function, for use as an effect's clean-up.
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
