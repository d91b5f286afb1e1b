// The countdown of the current wait: time left in big figures and a bar,
// measured from the stored deadline, so a reload never restarts it.
import { duration } from '../format/time';
import { useNow } from './useNow';
import { useStepShown } from '../steps/stepShown';
import './Countdown.css';

export function Countdown({ deadline, minutes }: { deadline: number; minutes: number }) {
  const now = useNow(useStepShown());
  const left = Math.max(0, deadline - now);
  const total = minutes * 60_000;
  return (
    <div className="runner-countdown">
      <p className="runner-countdown__figure">
        <span className="visually-hidden">Time left: </span>
        <span aria-hidden="true">{duration(left)}</span>
        <span className="visually-hidden">{Math.ceil(left / 60_000)} minutes</span>
      </p>
      <progress className="runner-countdown__bar" max={total} value={left} aria-label="Time left of the wait" />
      <p className="runner-countdown__note">When the time runs out the app will alarm and move on to the next escalation step.</p>
    </div>
  );
}
