// Times as the runner shows them: wall-clock (24 h, en-GB), the interval from
// the start of the episode ("+03:20") and countdowns ("09:59").

const pad = (n: number) => String(n).padStart(2, '0');

export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** mm:ss (or h:mm:ss past an hour) of a non-negative duration, rounded up to the second. */
export function duration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

export function sinceStart(at: number, startedAt: number): string {
  return `+${duration(Math.max(0, at - startedAt))}`;
}
