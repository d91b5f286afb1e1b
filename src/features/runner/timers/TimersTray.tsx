// Everything that is counting at once: repeating tasks (e.g. observations
// every 15 minutes) with their next due time, and any alarm that has gone
// off. An overdue task alarms (sound, vibration, and this visual alert).
import { useEffect, useRef } from 'react';
import type { Reminder } from '../../../engine';
import { Button } from '../../../ui/Button';
import { soundAlarm } from '../device/alarm';
import { clockTime, duration } from '../format/time';
import { useNow } from './useNow';
import './TimersTray.css';

export interface RaisedAlarm {
  key: string;
  text: string;
}

export function TimersTray({
  reminders, alarms, onReminderDone, onDismissAlarm,
}: {
  reminders: Record<string, Reminder>;
  alarms: RaisedAlarm[];
  onReminderDone(key: string): void;
  onDismissAlarm(key: string): void;
}) {
  const entries = Object.entries(reminders).sort((a, b) => a[1].dueAt - b[1].dueAt);
  const now = useNow(entries.length > 0);
  const sounded = useRef(new Set<string>());
  const overdue = entries.filter(([, reminder]) => reminder.dueAt <= now);
  const overdueKey = overdue.map(([key, reminder]) => `${key}@${reminder.dueAt}`).join('|');

  useEffect(() => {
    const fresh = overdue.filter(([key, reminder]) => !sounded.current.has(`${key}@${reminder.dueAt}`));
    fresh.forEach(([key, reminder]) => sounded.current.add(`${key}@${reminder.dueAt}`));
    if (fresh.length > 0) soundAlarm();
    // overdueKey captures which reminders are overdue; the array itself is rebuilt each render.
  }, [overdueKey]);

  if (entries.length === 0 && alarms.length === 0) return null;
  return (
    <section className="runner-timers" aria-label="Timers">
      {alarms.map((alarm) => (
        <div key={alarm.key} className="runner-alarm" role="alert">
          <p className="runner-alarm__text">{alarm.text}</p>
          <Button variant="secondary" onClick={() => onDismissAlarm(alarm.key)}>
            Dismiss alarm
          </Button>
        </div>
      ))}
      {entries.length > 0 ? (
        <ul className="runner-reminders">
          {entries.map(([key, reminder]) => {
            const due = reminder.dueAt <= now;
            return (
              <li key={key} className={`runner-reminder${due ? ' runner-reminder--due' : ''}`}>
                {due ? (
                  <p role="alert" className="runner-reminder__text">
                    <strong>Due now:</strong> {reminder.text} (was due {clockTime(reminder.dueAt)})
                  </p>
                ) : (
                  <p className="runner-reminder__text">
                    {reminder.text}: next in {duration(reminder.dueAt - now)} (every {reminder.everyMinutes} min)
                  </p>
                )}
                <Button variant={due ? 'primary' : 'secondary'} onClick={() => onReminderDone(key)}>
                  Done: {reminder.text}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
