// Puts the running episode's clocks on the app's alarm service: the current
// wait's deadline and each repeat task's due time. The service lives outside
// the Escalate section, so leaving for Settings or the Log never silences
// them; only the clock itself changing (a wait ended early, a task done) or
// the episode ending takes an alarm back.
import { useEffect, useRef } from 'react';
import type { Reminder } from '../../../engine';
import { appAlarms, type AlarmService } from '../../../shared/alarm';

export const waitAlarmKey = (episodeId: string) => `episode:${episodeId}:wait`;
export const reminderAlarmKey = (episodeId: string, key: string) => `episode:${episodeId}:reminder:${key}`;
export const episodeAlarmPrefix = (episodeId: string) => `episode:${episodeId}:`;

export interface EpisodeClocks {
  episodeId: string;
  /** Where the episode is shown, for the banner's "go to it". */
  path: string;
  deadline: number | null;
  waitTitle: string;
  reminders: Record<string, Reminder>;
  ended: boolean;
  /** A sandbox preview's alarms go when it closes; a real episode's stay until it ends. */
  keepAfterUnmount: boolean;
}

export function useEpisodeAlarms(clocks: EpisodeClocks, service: AlarmService = appAlarms): void {
  const { episodeId, path, deadline, waitTitle, reminders, ended, keepAfterUnmount } = clocks;
  const scheduledReminders = useRef(new Set<string>());

  useEffect(() => {
    if (keepAfterUnmount) return undefined;
    return () => service.cancelWhere(episodeAlarmPrefix(episodeId));
  }, [service, episodeId, keepAfterUnmount]);

  useEffect(() => {
    const key = waitAlarmKey(episodeId);
    if (ended) {
      service.cancelWhere(episodeAlarmPrefix(episodeId));
      return;
    }
    if (deadline === null) {
      // The wait is over: ringing for it stays until acknowledged, a pending one is taken back.
      if (!service.getRaised().some((alarm) => alarm.key === key)) service.cancel(key);
      return;
    }
    service.schedule({
      key, at: deadline, path, title: `Time is up: ${waitTitle}`,
      text: 'Nobody called back in time: the escalation has moved on to the next step. Go back to it now.',
    });
  }, [service, episodeId, path, deadline, waitTitle, ended]);

  const reminderKey = Object.entries(reminders).map(([key, r]) => `${key}@${r.dueAt}`).join('|');
  useEffect(() => {
    if (ended) return;
    const live = new Set<string>();
    for (const [key, reminder] of Object.entries(reminders)) {
      const alarmKey = reminderAlarmKey(episodeId, key);
      live.add(alarmKey);
      // A task done re-arms with a new due time: the ringing one is acknowledged by doing it.
      const ringing = service.getRaised().find((alarm) => alarm.key === alarmKey);
      if (ringing && ringing.at !== reminder.dueAt) service.acknowledge(alarmKey);
      service.schedule({ key: alarmKey, at: reminder.dueAt, path, title: `Due now: ${reminder.text}`, text: `Repeat every ${reminder.everyMinutes} minutes. Tap "Done" on the escalation when it is done.` });
    }
    for (const old of scheduledReminders.current) if (!live.has(old)) service.cancel(old);
    scheduledReminders.current = live;
    // reminderKey stands for the reminders' keys and due times.
  }, [service, episodeId, path, reminderKey, ended]);
}
