// Repeating tasks (e.g. observations every 15 minutes) with their next due
// time. An overdue one is shown here; its sound, vibration and banner come
// from the app's alarm service (see useEpisodeAlarms), on every section.
import { memo } from 'react';
import type { Reminder } from '../../../engine';
import { Button } from '../../../ui/Button';
import { clockTime, duration } from '../format/time';
import { useNow } from './useNow';
import './TimersTray.css';

// Memoised, with the episode screen's callbacks stable: a tap that moves to the next step does not draw it again.
export const TimersTray = memo(function TimersTray({
  reminders, onReminderDone,
}: {
  reminders: Record<string, Reminder>;
  onReminderDone(key: string): void;
}) {
  const entries = Object.entries(reminders).sort((a, b) => a[1].dueAt - b[1].dueAt);
  const now = useNow(entries.length > 0);

  if (entries.length === 0) return null;
  return (
    <section className="runner-timers" aria-label="Timers">
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
});
