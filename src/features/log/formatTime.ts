// How the Log section writes times: en-GB, 24-hour, in the tablet's time zone,
// and intervals from the start of the episode as +mm:ss (or +h:mm:ss).

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

export function formatClock(epochMs: number): string {
  return clock.format(epochMs);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "+03:20" for 3 min 20 s after the start; "+1:02:05" past an hour; "−00:05" if the clock went back. */
export function formatInterval(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${sign}${hours}:${two(minutes)}:${two(seconds)}` : `${sign}${two(minutes)}:${two(seconds)}`;
}

/** Minutes with one decimal, for the dashboard. */
export function formatMinutes(ms: number | null): string {
  return ms === null ? 'no data' : `${(ms / 60_000).toFixed(1)} min`;
}

/** A yyyy-mm-dd date input value as local midnight, epoch ms. */
export function dateInputToMs(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const ms = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** The day after a date input, for an inclusive "to" date used as an exclusive bound. */
export function dayAfterInputToMs(value: string): number | undefined {
  const start = dateInputToMs(value);
  if (start === undefined) return undefined;
  const date = new Date(start);
  date.setDate(date.getDate() + 1);
  return date.getTime();
}
