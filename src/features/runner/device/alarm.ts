// The audible and tactile alarm when a wait runs out or a repeat task is due:
// a short WebAudio beep pattern and a vibration, both where the device has
// them. The visual alarm is rendered by the timers tray; this never throws.

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  const Ctor = (globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor }).AudioContext
    ?? (globalThis as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    context ??= new Ctor();
    return context;
  } catch {
    return null;
  }
}

function beep(ctx: AudioContext, startOffset: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = 880;
  gain.gain.value = 0.2;
  oscillator.connect(gain).connect(ctx.destination);
  const start = ctx.currentTime + startOffset;
  oscillator.start(start);
  oscillator.stop(start + 0.25);
}

/** Sounds three beeps and vibrates. Returns what it managed, for tests and diagnostics. */
export function soundAlarm(): { sound: boolean; vibration: boolean } {
  let sound = false;
  const ctx = audio();
  if (ctx) {
    try {
      void ctx.resume?.();
      [0, 0.4, 0.8].forEach((offset) => beep(ctx, offset));
      sound = true;
    } catch {
      sound = false;
    }
  }
  const nav = globalThis.navigator as Navigator | undefined;
  const vibration = !!nav && typeof nav.vibrate === 'function' && nav.vibrate([300, 150, 300, 150, 300]);
  return { sound, vibration };
}

/**
 * Browsers only allow audio after a user gesture: the first tap of an episode
 * unlocks it, so a timer that runs out minutes later can still be heard.
 */
export function unlockAlarmSound(): void {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
}
