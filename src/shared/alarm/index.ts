// The alarm room's door: the app-wide alarm clock the runner schedules on and
// the shell's banner shows, the sound, and system notifications.
export { AlarmService, REPEAT_MS, levelOfRing, browserAlarmDevice, type AlarmDevice, type AlarmRequest, type RaisedAlarm } from './alarmService';
export { appAlarms, useRaisedAlarms } from './appAlarms';
export { prepareAlarmSound, soundAlarm, unlockAlarmSound } from './alarmSound';
export { askNotificationPermission, notificationPermission } from './systemNotification';
