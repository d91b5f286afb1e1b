// The audible and tactile alarm when a wait runs out or a repeat task is due:
// a short WebAudio beep pattern and a vibration, both where the device has
// them. The visual alarm is rendered by the timers tray; this never throws.

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
  if (context === undefined) {
    // Not made yet: make it once this tap's step is on screen, still within the gesture's activation.
    prepareAlarmSound(0);
    return;
  }
  if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
}
