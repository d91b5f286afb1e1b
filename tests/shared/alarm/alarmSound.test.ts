// The alarm's audio device is opened when the app is idle, never on a tap, and
// a device that cannot make one is not asked again on every tap.
import { afterEach, describe, expect, it, vi } from 'vitest';

class FakeAudioContext {
  static made = 0;
  state: AudioContextState = 'suspended';
  currentTime = 0;
  destination = {};
  constructor() {
    FakeAudioContext.made += 1;
  }
  resume = vi.fn(async () => {
    this.state = 'running';
  });
  createOscillator() {
    return { type: '', frequency: { value: 0 }, connect: (node: unknown) => node, start: vi.fn(), stop: vi.fn() };
  }
  createGain() {
    return { gain: { value: 0 }, connect: (node: unknown) => node };
  }
}

async function freshAlarm() {
  vi.resetModules();
  return import('../../../src/shared/alarm/alarmSound');
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeAudioContext.made = 0;
});

describe('the alarm sound', () => {
  it('is prepared when idle, and a tap only resumes it', async () => {
    const idle: Array<() => void> = [];
    vi.stubGlobal('AudioContext', FakeAudioContext);
    vi.stubGlobal('requestIdleCallback', (task: () => void) => idle.push(task));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const alarm = await freshAlarm();
    alarm.prepareAlarmSound();
    alarm.unlockAlarmSound();
    vi.advanceTimersByTime(2999);
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(FakeAudioContext.made).toBe(0);
    idle.forEach((task) => task());
    vi.useRealTimers();
    expect(FakeAudioContext.made).toBe(1);
    alarm.unlockAlarmSound();
    alarm.prepareAlarmSound();
    expect(FakeAudioContext.made).toBe(1);
    expect(alarm.soundAlarm().sound).toBe(true);
  });

  it('does not try again on every tap when the device cannot make one', async () => {
    let attempts = 0;
    vi.stubGlobal('AudioContext', class {
      constructor() {
        attempts += 1;
        throw new Error('no audio device');
      }
    });
    vi.stubGlobal('requestIdleCallback', (task: () => void) => task());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const alarm = await freshAlarm();
    alarm.prepareAlarmSound();
    vi.runAllTimers();
    vi.useRealTimers();
    alarm.unlockAlarmSound();
    alarm.unlockAlarmSound();
    expect(attempts).toBe(1);
    expect(alarm.soundAlarm().sound).toBe(false);
  });
});
