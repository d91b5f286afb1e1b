// The audible and tactile alarm when a wait runs out or a repeat task is due:
// a WebAudio beep pattern and a vibration, both where the device has them,
// louder and longer at each level (an alarm left unacknowledged climbs). The
// visual alarm is the shell's alarm banner; this never throws.

type AudioContextConstructor = new () => AudioContext;

// undefined: not made yet; null: this device cannot make one (not retried).
let context: AudioContext | null | undefined;

function audio(): AudioContext | null {
  if (context !== undefined) return context;
  const Ctor = (globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor }).AudioContext
    ?? (globalThis as { webkitAudioContext?: AudioContextConstructor }).webkitAudioContext;
  try {
    context = Ctor ? new Ctor() : null;
  } catch {
    context = null;
  }
  return context;
}

const PREPARE_DELAY_MS = 3000;
let preparing = false;

type IdleScheduler = (task: () => void, options?: { timeout: number }) => number;

/**
 * Making an audio context can block the page for hundreds of milliseconds (it
 * opens the audio device), so it is made a little after the app has started,
 * when it is idle, never on a tap.
 */
export function prepareAlarmSound(delayMs = PREPARE_DELAY_MS): void {
  if (context !== undefined || preparing) return;
  preparing = true;
  const idle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  setTimeout(() => {
    if (idle) idle(() => void audio(), { timeout: 5000 });
    else void audio();
  }, delayMs);
}

export const MAX_ALARM_LEVEL = 3;

function beep(ctx: AudioContext, startOffset: number, volume: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'square';
  oscillator.frequency.value = 880;
  gain.gain.value = volume;
  oscillator.connect(gain).connect(ctx.destination);
  const start = ctx.currentTime + startOffset;
  oscillator.start(start);
  oscillator.stop(start + 0.25);
}

/**
 * Sounds beeps and vibrates: level 1 is three beeps, each level up adds beeps
 * and volume. Returns what it managed, for tests and diagnostics.
 */
export function soundAlarm(level = 1): { sound: boolean; vibration: boolean } {
  const step = Math.max(1, Math.min(MAX_ALARM_LEVEL, Math.round(level)));
  let sound = false;
  const ctx = audio();
  if (ctx) {
    try {
      void ctx.resume?.();
      const volume = 0.2 + 0.25 * (step - 1);
      for (let i = 0; i < 1 + 2 * step; i += 1) beep(ctx, i * 0.4, volume);
      sound = true;
    } catch {
      sound = false;
    }
  }
  const nav = globalThis.navigator as Navigator | undefined;
  const pattern = Array.from({ length: 1 + 2 * step }, (_, i) => (i % 2 === 0 ? 300 + 100 * step : 150));
  let vibration = false;
  try {
    vibration = !!nav && typeof nav.vibrate === 'function' && nav.vibrate(pattern);
  } catch {
    vibration = false;
  }
  return { sound, vibration };
}

/**
 * Browsers only allow audio after a user gesture: the first tap of an episode
 * unlocks it, so a timer that runs out minutes later can still be heard.
 */
export function unlockAlarmSound(): void {
  if (context === undefined) {
    // Not made yet: make it once this tap's step is on screen, still within the gesture's activation.
    prepareAlarmSound(0);
    return;
  }
  if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
}
