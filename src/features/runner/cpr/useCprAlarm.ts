// Puts the end of the current CPR cycle on the app's alarm clock: at the
// stored deadline it sounds, vibrates and shows the full-width banner on any
// section, ringing again (louder) until acknowledged or the next cycle starts
// (a new deadline replaces it). Stopping the clock or ending the episode takes it back.
import { useEffect } from 'react';
import { appAlarms, type AlarmService } from '../../../shared/alarm';

export const cprAlarmKey = (episodeId: string) => `episode:${episodeId}:cpr`;

export interface CprAlarmClock {
  episodeId: string;
  path: string;
  /** End of the current cycle (epoch ms), or null when the CPR clock is not running. */
  deadline: number | null;
  cycle: number;
  ended: boolean;
}

export function useCprAlarm({ episodeId, path, deadline, cycle, ended }: CprAlarmClock, service: AlarmService = appAlarms): void {
  useEffect(() => {
    const key = cprAlarmKey(episodeId);
    if (ended || deadline === null) {
      service.cancel(key);
      return;
    }
    service.schedule({
      key, at: deadline, path, title: `Rhythm check due: CPR cycle ${cycle} is over`,
      text: 'Pause compressions for less than 10 seconds to check the rhythm, and swap the compressor. Then tap "Rhythm checked / new cycle".',
    });
  }, [service, episodeId, path, deadline, cycle, ended]);
}
