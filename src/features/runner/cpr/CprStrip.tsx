// The CPR clock when it is not open: before CPR, the offer to start it (only
// once the emergency call has been made); while it runs folded away, one line
// with the cycle and what is due, and the way back to it; once stopped, why
// and when, and a restart should CPR begin again.
import type { CprStopReason } from '../../../engine';
import { Button } from '../../../ui/Button';
import { clockTime, duration } from '../format/time';
import type { CprReading } from './cprClock';
import './CprStrip.css';

const STOPPED_WORDS: Record<CprStopReason, string> = { rosc: 'signs of life (ROSC)', 'handed-over': 'the team took over' };

export interface CprStripProps {
  reading: CprReading;
  /** The clock may be (re)started: the emergency call has been made. */
  offered: boolean;
  onStart(): void;
  onOpen(): void;
}

export function CprStrip({ reading, offered, onStart, onOpen }: CprStripProps) {
  if (reading.state === 'running') {
    const due = reading.due.map((prompt) => prompt.text).join('. ');
    return (
      <section className={`runner-cpr-strip${due ? ' runner-cpr-strip--due' : ''}`} aria-label="CPR clock">
        <p className="runner-cpr-strip__text">
          <strong>CPR cycle {reading.cycle}:</strong>{' '}
          {reading.due.some((prompt) => prompt.id === 'rhythm-check') ? 'time is up' : `${duration(reading.leftMs)} left`}
          {reading.sinceCollapseMs !== null ? `, ${duration(reading.sinceCollapseMs)} since collapse` : ''}.
          {due ? <strong> Due now: {due}.</strong> : null}
        </p>
        <Button size="primary" onClick={onOpen}>Open the CPR clock</Button>
      </section>
    );
  }
  if (!offered) return null;
  return (
    <section className="runner-cpr-strip" aria-label="CPR clock">
      <p className="runner-cpr-strip__text">
        {reading.state === 'stopped' && reading.stoppedAt !== null
          ? `CPR clock stopped at ${clockTime(reading.stoppedAt)}${reading.stopReason ? `: ${STOPPED_WORDS[reading.stopReason]}` : ''}.`
          : 'Once CPR has started, the CPR clock times each 2-minute cycle and prompts the rhythm check and the compressor swap.'}
      </p>
      <Button size="primary" onClick={onStart}>
        {reading.state === 'stopped' ? 'CPR has started again: restart the CPR clock' : 'CPR has started: start the CPR clock'}
      </Button>
    </section>
  );
}
