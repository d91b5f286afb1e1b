// The app's one alarm service, and the hook the shell's banner reads it with.
// Timers in a sleeping tablet are throttled, so a due alarm is also looked for
// whenever the page is shown again.
import { useSyncExternalStore } from 'react';
import { AlarmService, browserAlarmDevice, type RaisedAlarm } from './alarmService';

export const appAlarms = new AlarmService(browserAlarmDevice);

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') appAlarms.fireDue();
  });
}

export function useRaisedAlarms(service: AlarmService = appAlarms): readonly RaisedAlarm[] {
  return useSyncExternalStore(service.subscribe, service.getRaised, service.getRaised);
}
