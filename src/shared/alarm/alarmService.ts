// The one alarm clock of the app, outside any section: a runner's wait or
// repeat task is scheduled here, so it goes off on whatever screen the worker
// is on (Settings, Log...) and while the page is hidden. A raised alarm sounds,
// vibrates, shows in the shell's banner and, with the page hidden, posts a
// system notification; it rings again every REPEAT_MS, louder, until someone
// acknowledges it. The device's effects are injected so tests can count them.
import { MAX_ALARM_LEVEL, soundAlarm } from './alarmSound';
import { pageHidden, showSystemNotification } from './systemNotification';

export const REPEAT_MS = 15_000;

export interface AlarmRequest {
  /** One alarm per key (e.g. "wait:<episodeId>"); scheduling a key again replaces it. */
  key: string;
  /** Epoch ms when it goes off. */
  at: number;
  title: string;
  text: string;
  /** The app path to go to for it (the episode), if any. */
  path?: string;
}

export interface RaisedAlarm extends AlarmRequest {
  /** How many times it has rung. */
  rings: number;
}

export interface AlarmDevice {
  sound(level: number): void;
  pageHidden(): boolean;
  notify(title: string, body: string, tag: string): void;
}

export const browserAlarmDevice: AlarmDevice = {
  sound: (level) => void soundAlarm(level),
  pageHidden,
  notify: (title, body, tag) => void showSystemNotification(title, body, tag),
};

/** Level of the nth ring: it climbs every two rings up to the loudest. */
export const levelOfRing = (rings: number): number => Math.min(MAX_ALARM_LEVEL, 1 + Math.floor(rings / 2));

export class AlarmService {
  private readonly timers = new Map<string, { request: AlarmRequest; handle: ReturnType<typeof setTimeout> }>();
  private raised: readonly RaisedAlarm[] = [];
  private repeat: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly device: AlarmDevice) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getRaised = (): readonly RaisedAlarm[] => this.raised;

  /** Whether an alarm with this key is scheduled or ringing. */
  has(key: string): boolean {
    return this.timers.has(key) || this.raised.some((alarm) => alarm.key === key);
  }

  schedule(request: AlarmRequest): void {
    const ringing = this.raised.find((alarm) => alarm.key === request.key);
    if (ringing?.at === request.at) return;
    const pending = this.timers.get(request.key);
    if (pending?.request.at === request.at) return;
    this.cancel(request.key);
    const delay = request.at - Date.now();
    if (delay <= 0) {
      this.raise(request);
      return;
    }
    // Long delays are checked again (timers drift and sleep); see checkDue.
    const handle = setTimeout(() => this.fireDue(), Math.min(delay, 2 ** 31 - 1));
    this.timers.set(request.key, { request, handle });
  }

  /** Takes back an alarm not yet acknowledged (scheduled or ringing), e.g. a wait ended early. */
  cancel(key: string): void {
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending.handle);
    this.timers.delete(key);
    if (this.raised.some((alarm) => alarm.key === key)) this.setRaised(this.raised.filter((alarm) => alarm.key !== key));
  }

  /** Cancels every alarm whose key starts with the prefix (an episode that has ended). */
  cancelWhere(prefix: string): void {
    for (const key of [...this.timers.keys()]) if (key.startsWith(prefix)) this.cancel(key);
    for (const alarm of this.raised) if (alarm.key.startsWith(prefix)) this.cancel(alarm.key);
  }

  /** Rings now (a deadline found passed, the Settings test). */
  raise(request: AlarmRequest): void {
    const pending = this.timers.get(request.key);
    if (pending) clearTimeout(pending.handle);
    this.timers.delete(request.key);
    const alarm: RaisedAlarm = { ...request, rings: 0 };
    this.setRaised([...this.raised.filter((a) => a.key !== request.key), alarm]);
    this.ring([alarm]);
    this.startRepeating();
  }

  acknowledge(key: string): void {
    this.setRaised(this.raised.filter((alarm) => alarm.key !== key));
  }

  /** Raises every scheduled alarm whose time has come (also called when the page is shown again). */
  fireDue(now = Date.now()): void {
    for (const { request } of [...this.timers.values()]) if (request.at <= now) this.raise(request);
  }

  private ring(alarms: readonly RaisedAlarm[]): void {
    if (alarms.length === 0) return;
    const loudest = Math.max(...alarms.map((alarm) => levelOfRing(alarm.rings)));
    this.device.sound(loudest);
    if (this.device.pageHidden()) for (const alarm of alarms) this.device.notify(alarm.title, alarm.text, alarm.key);
    this.setRaised(this.raised.map((alarm) => (alarms.some((a) => a.key === alarm.key) ? { ...alarm, rings: alarm.rings + 1 } : alarm)));
  }

  private startRepeating(): void {
    if (this.repeat !== null) return;
    this.repeat = setInterval(() => this.ring(this.raised), REPEAT_MS);
  }

  private setRaised(next: readonly RaisedAlarm[]): void {
    this.raised = next;
    if (next.length === 0 && this.repeat !== null) {
      clearInterval(this.repeat);
      this.repeat = null;
    }
    this.listeners.forEach((listener) => listener());
  }
}
