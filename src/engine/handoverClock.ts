// Clock times as a hand-over says them: local 24-hour hh:mm (observations, CPR).
export function handoverClock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
