// The alarm banner: every alarm that has gone off, full width above whatever
// section is open, until someone acknowledges it. The alarm service keeps
// ringing (louder) meanwhile; "Go to it" opens the episode the alarm is about.
import { useRaisedAlarms, appAlarms, type AlarmService } from '../shared/alarm';
import { navigate } from '../shared/router';
import { Button } from '../ui/Button';
import './alarmBanner.css';

export function AlarmBanner({ service = appAlarms }: { service?: AlarmService }) {
  const alarms = useRaisedAlarms(service);
  if (alarms.length === 0) return null;
  return (
    <section className="alarm-banner" aria-label="Alarms">
      {alarms.map((alarm) => (
        <div key={alarm.key} className="alarm-banner__alarm" role="alert" data-rings={alarm.rings}>
          <p className="alarm-banner__text">
            <strong>Alarm: {alarm.title}.</strong> {alarm.text}
          </p>
          <div className="alarm-banner__actions">
            {alarm.path !== undefined ? (
              <Button variant="secondary" onClick={() => {
                service.acknowledge(alarm.key);
                navigate(alarm.path ?? '/escalate');
              }}>
                Acknowledge and go to it
              </Button>
            ) : null}
            <Button variant="danger" onClick={() => service.acknowledge(alarm.key)}>
              Acknowledge alarm
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}
