// The alarm banner: every alarm that has gone off, full width above whatever
// section is open, until someone acknowledges it. The alarm service keeps
// ringing (louder) meanwhile; "Go to it" opens the episode the alarm is about.
// It sticks to the top and says how tall it is (--app-sticky-height): the
// runner's collapse action sticks below it and focus scrolls clear of both.
import { useRaisedAlarms, appAlarms, type AlarmService, type RaisedAlarm } from '../shared/alarm';
import { navigate } from '../shared/router';
import { Button } from '../ui/Button';
import { useStickyHeight } from '../ui/useStickyHeight';
import './alarmBanner.css';

export function AlarmBanner({ service = appAlarms }: { service?: AlarmService }) {
  const alarms = useRaisedAlarms(service);
  if (alarms.length === 0) return null;
  return <RaisedAlarms alarms={alarms} service={service} />;
}

/** The custom property theme.css and the collapse action read: the banner's height while it shows. */
const STICKY_HEIGHT = '--app-sticky-height';

function RaisedAlarms({ alarms, service }: { alarms: readonly RaisedAlarm[]; service: AlarmService }) {
  const banner = useStickyHeight<HTMLElement>(STICKY_HEIGHT);
  return (
    <section className="alarm-banner" aria-label="Alarms" ref={banner}>
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
