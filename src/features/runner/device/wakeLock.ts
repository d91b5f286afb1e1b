// Keeps the tablet screen on while an episode is open (Screen Wake Lock, where
// supported) so a countdown stays visible. Losing it is harmless: timers run
// from stored deadlines, not from the page staying awake.

type Sentinel = { release(): Promise<void> };

export async function keepScreenOn(): Promise<(() => void) | null> {
  const wakeLock = (globalThis.navigator as (Navigator & { wakeLock?: { request(type: 'screen'): Promise<Sentinel> } }) | undefined)?.wakeLock;
  if (!wakeLock || typeof wakeLock.request !== 'function') return null;
  try {
    const sentinel = await wakeLock.request('screen');
    return () => void sentinel.release().catch(() => undefined);
  } catch {
    return null;
  }
}
