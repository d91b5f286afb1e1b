// Alarms in Settings: a test that sounds, vibrates and shows the banner just
// as a real one would (and must be acknowledged the same way), notifications
// for when the app is hidden, and how long to wait for a 999 ambulance before
// the runner prompts a call back.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../ui/Button';
import { appAlarms, askNotificationPermission, notificationPermission, type AlarmService } from '../../shared/alarm';
import {
  AMBULANCE_WAIT_LIMITS, ARP_MEAN_TARGET_MINUTES, DEFAULT_AMBULANCE_WAIT_MINUTES, readAmbulanceWait, saveAmbulanceWait,
  settingsStore, type SettingsStore,
} from '../../shared/session';

const PERMISSION_WORDS = {
  granted: 'On: an alarm while the app is hidden shows a system notification.',
  denied: 'Blocked in this browser’s site settings: an alarm while the app is hidden cannot show a notification. Keep the app on screen.',
  default: 'Not allowed yet: an alarm while the app is hidden cannot show a notification.',
  unsupported: 'This browser cannot show notifications: keep the app on screen during an escalation.',
} as const;

export function AlarmSettings({ alarms = appAlarms, store = settingsStore }: { alarms?: AlarmService; store?: SettingsStore }) {
  const id = useId();
  const [permission, setPermission] = useState(notificationPermission);
  const [minutes, setMinutes] = useState(String(DEFAULT_AMBULANCE_WAIT_MINUTES));
  const [status, setStatus] = useState('');
  const edited = useRef(false);

  useEffect(() => {
    let live = true;
    void readAmbulanceWait(store).then((value) => live && !edited.current && setMinutes(String(value)));
    return () => {
      live = false;
    };
  }, [store]);

  const testAlarm = () => {
    alarms.raise({
      key: 'settings:test', at: Date.now(), title: 'Test alarm',
      text: 'This is how an alarm sounds and looks. It repeats, louder, until you acknowledge it.',
    });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < AMBULANCE_WAIT_LIMITS.min || value > AMBULANCE_WAIT_LIMITS.max) {
      setStatus(`Enter whole minutes from ${AMBULANCE_WAIT_LIMITS.min} to ${AMBULANCE_WAIT_LIMITS.max}.`);
      return;
    }
    try {
      await saveAmbulanceWait(store, value);
      setStatus('Ambulance wait saved.');
    } catch {
      setStatus('The setting could not be saved on this device.');
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Alarms</h2>
      <p>Alarms for waits and repeat tasks go off on every screen of the app and repeat, louder, until acknowledged.</p>
      <Button onClick={testAlarm}>Test alarm</Button>
      <h3>Notifications when the app is hidden</h3>
      <p>{PERMISSION_WORDS[permission]}</p>
      {permission === 'default' ? (
        <Button variant="secondary" onClick={async () => setPermission(await askNotificationPermission())}>
          Allow notifications
        </Button>
      ) : null}
      <form onSubmit={save} className="field">
        <label htmlFor={`${id}-ambulance`}>Minutes to wait for a 999 ambulance before calling back</label>
        <span className="field__hint" id={`${id}-ambulance-hint`}>
          Default {DEFAULT_AMBULANCE_WAIT_MINUTES}: the NHS England Category 2 mean response target
          (Category 1: {ARP_MEAN_TARGET_MINUTES.category1} minutes). Set it with your ambulance service.
        </span>
        <input
          id={`${id}-ambulance`}
          aria-describedby={`${id}-ambulance-hint`}
          inputMode="numeric"
          value={minutes}
          onChange={(event) => {
            edited.current = true;
            setMinutes(event.target.value);
          }}
        />
        <Button type="submit" variant="secondary">Save ambulance wait</Button>
      </form>
      <p role="status" className="settings__status">{status}</p>
    </section>
  );
}
