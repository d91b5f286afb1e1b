// The app's alarm clock: a scheduled alarm goes off at its time whatever is on
// screen, rings again (louder) until acknowledged, posts a system notification
// only while the page is hidden, and a clock taken back never rings.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AlarmService, REPEAT_MS, type AlarmDevice } from '../../../src/shared/alarm';

function fakeDevice(hidden = false) {
  const sounds: number[] = [];
  const notes: string[] = [];
  const device: AlarmDevice & { hidden: boolean } = {
    hidden,
    sound: (level) => void sounds.push(level),
    pageHidden: () => device.hidden,
    notify: (title) => void notes.push(title),
  };
  return { device, sounds, notes };
}

const T0 = Date.UTC(2026, 0, 5, 9, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('the alarm service', () => {
  it('goes off at its time and repeats, louder, until acknowledged', () => {
    const { device, sounds } = fakeDevice();
    const alarms = new AlarmService(device);
    alarms.schedule({ key: 'wait', at: T0 + 60_000, title: 'Time is up', text: 'Call the next contact' });
    vi.advanceTimersByTime(59_999);
    expect(sounds).toEqual([]);
    expect(alarms.getRaised()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(alarms.getRaised().map((a) => a.key)).toEqual(['wait']);
    expect(sounds).toEqual([1]);
    vi.advanceTimersByTime(REPEAT_MS * 5);
    expect(sounds).toEqual([1, 1, 2, 2, 3, 3]);
    alarms.acknowledge('wait');
    vi.advanceTimersByTime(REPEAT_MS * 3);
    expect(sounds).toHaveLength(6);
    expect(alarms.getRaised()).toEqual([]);
  });

  it('rings at once for a time already passed, and once only for the same alarm', () => {
    const { device, sounds } = fakeDevice();
    const alarms = new AlarmService(device);
    const request = { key: 'wait', at: T0 - 1000, title: 'Time is up', text: '' };
    alarms.schedule(request);
    alarms.schedule(request);
    alarms.fireDue();
    expect(sounds).toEqual([1]);
  });

  it('never rings for a clock taken back (a wait ended early) or an ended episode', () => {
    const { device, sounds } = fakeDevice();
    const alarms = new AlarmService(device);
    alarms.schedule({ key: 'episode:a:wait', at: T0 + 1000, title: 'x', text: '' });
    alarms.schedule({ key: 'episode:a:reminder:obs', at: T0 + 2000, title: 'x', text: '' });
    alarms.schedule({ key: 'episode:b:wait', at: T0 + 3000, title: 'x', text: '' });
    alarms.cancel('episode:a:wait');
    alarms.cancelWhere('episode:a:');
    vi.advanceTimersByTime(2500);
    expect(sounds).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(alarms.getRaised().map((a) => a.key)).toEqual(['episode:b:wait']);
  });

  it('posts a system notification only while the page is hidden', () => {
    const { device, notes } = fakeDevice(false);
    const alarms = new AlarmService(device);
    alarms.raise({ key: 'shown', at: T0, title: 'On screen', text: '' });
    expect(notes).toEqual([]);
    device.hidden = true;
    vi.advanceTimersByTime(REPEAT_MS);
    expect(notes).toEqual(['On screen']);
    alarms.raise({ key: 'hidden', at: T0, title: 'While hidden', text: '' });
    expect(notes).toContain('While hidden');
  });
});
