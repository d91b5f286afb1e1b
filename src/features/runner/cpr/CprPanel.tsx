// The open CPR clock: time since collapse, a very large countdown of the
// 2-minute cycle, what is due as a full-width banner in words with a shape
// (never colour alone), and big single-tap buttons. Space, Enter or Page Down
// (a foot switch) starts the next cycle. Focus goes to its heading when it
// opens; a screen reader hears the clock politely at key moments only.
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import type { CprStopReason } from '../../../engine';
import { Button } from '../../../ui/Button';
import { clockTime, duration } from '../format/time';
import { CYCLE_MS, type CprPrompt, type CprReading } from './cprClock';
import { CPR_KEY_NAMES, useCprKeys } from './useCprKeys';
import './CprPanel.css';

export interface CprPanelProps {
  reading: CprReading;
  collapseAt: number | null;
  /** The words a screen reader hears, changing only at key moments (cprAnnouncement). */
  announcement: string;
  onNewCycle(): void;
  onSwap(): void;
  /** Null where the local pathway gives no adrenaline: no button, no timing. */
  onAdrenaline: (() => void) | null;
  onStop(reason: CprStopReason): void;
  /** Folds the clock away to show the steps; it keeps running. */
  onFold(): void;
}

function DueIcon() {
  return (
    <svg className="runner-cpr__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2 1 22h22L12 2z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" className="runner-cpr__icon-mark" />
    </svg>
  );
}

function ReadyIcon() {
  return (
    <svg className="runner-cpr__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10" fill="none" stroke="currentColor" strokeWidth="3" />
      <path d="M11 6h2v7h-2zM11 11h6v2h-6z" fill="currentColor" />
    </svg>
  );
}

function Prompt({ prompt }: { prompt: CprPrompt }) {
  return (
    <li className={`runner-cpr__prompt runner-cpr__prompt--${prompt.id}`}>
      <DueIcon />
      <span>{prompt.text}</span>
    </li>
  );
}

function AdrenalineLine({ reading }: { reading: CprReading }) {
  const adrenaline = reading.adrenaline;
  if (!adrenaline) return null;
  if (adrenaline.lastAt === null || adrenaline.nextFrom === null || adrenaline.nextBy === null) {
    return (
      <p className="runner-cpr__fact">
        Adrenaline 1 mg: the first dose as your local pathway says (RCUK: as soon as possible in a non-shockable rhythm, after
        the 3rd shock in a shockable one), then every 3 to 5 minutes.
      </p>
    );
  }
  return (
    <p className="runner-cpr__fact">
      Adrenaline: {adrenaline.doses} {adrenaline.doses === 1 ? 'dose' : 'doses'}, the last at {clockTime(adrenaline.lastAt)}.
      Next from {clockTime(adrenaline.nextFrom)}, by {clockTime(adrenaline.nextBy)} (every 3 to 5 minutes).
    </p>
  );
}

export function CprPanel({ reading, collapseAt, announcement, onNewCycle, onSwap, onAdrenaline, onStop, onFold }: CprPanelProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const stopHeading = useRef<HTMLHeadingElement>(null);
  const [stopping, setStopping] = useState(false);
  useCprKeys(!stopping, onNewCycle);

  useEffect(() => {
    (stopping ? stopHeading : heading).current?.focus();
  }, [stopping]);

  // A finger or mouse tap leaves focus on the button it pressed: focus goes back
  // to the heading, so the foot switch's Space or Enter starts the next cycle
  // rather than pressing that button again. A keyboard press (detail 0) keeps its place.
  const tap = (action: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
    action();
    if (event.detail > 0) heading.current?.focus({ preventScroll: true });
  };

  const checkDue = reading.due.some((prompt) => prompt.id === 'rhythm-check');
  return (
    <section className={`runner-cpr${checkDue ? ' runner-cpr--due' : ''}`} aria-labelledby={`${id}-title`} data-keys-off="">
      <div className="runner-cpr__clocks">
        <h1 id={`${id}-title`} className="runner-cpr__title" tabIndex={-1} ref={heading}>CPR clock</h1>
        {reading.sinceCollapseMs !== null && collapseAt !== null ? (
          <p className="runner-cpr__since">
            <span className="runner-cpr__label">Time since collapse</span>
            <span className="runner-cpr__since-figure">{duration(reading.sinceCollapseMs)}</span>
            <span className="runner-cpr__note">from the tap on &ldquo;Patient collapsed&rdquo; at {clockTime(collapseAt)}</span>
          </p>
        ) : null}
        <div className="runner-cpr__cycle">
          <p className="runner-cpr__label">{checkDue ? `Cycle ${reading.cycle} is over by` : `Cycle ${reading.cycle}: time left`}</p>
          <p className="runner-cpr__figure">{checkDue ? `+${duration(reading.overdueMs)}` : duration(reading.leftMs)}</p>
          <progress className="runner-cpr__bar" max={CYCLE_MS} value={reading.leftMs} aria-label={`Time left in cycle ${reading.cycle}`} />
        </div>
      </div>

      <div className="runner-cpr__side">
        {reading.due.length > 0 ? (
          <ul className="runner-cpr__due" aria-label="Due now">
            {reading.due.map((prompt) => <Prompt key={prompt.id} prompt={prompt} />)}
          </ul>
        ) : reading.preparing ? (
          <p className="runner-cpr__prompt runner-cpr__prompt--ready">
            <ReadyIcon />
            <span>Get ready: rhythm check in {duration(reading.leftMs)}. Next compressor ready.</span>
          </p>
        ) : (
          <p className="runner-cpr__steady">Compressions 100 to 120 a minute, 5 to 6 cm deep. Keep every pause short.</p>
        )}
        <p className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</p>

        {stopping ? (
          <div className="runner-cpr__stop" role="group" aria-labelledby={`${id}-stop`}>
            <h2 id={`${id}-stop`} tabIndex={-1} ref={stopHeading}>Stop the CPR clock?</h2>
            <div className="runner-cpr__actions">
              <Button size="primary" className="runner-cpr__action" onClick={() => onStop('rosc')}>Signs of life (ROSC): stop the clock</Button>
              <Button size="primary" className="runner-cpr__action" onClick={() => onStop('handed-over')}>Team took over: stop the clock</Button>
              <Button size="primary" variant="secondary" className="runner-cpr__action" onClick={() => setStopping(false)}>Keep CPR going</Button>
            </div>
          </div>
        ) : (
          <div className="runner-cpr__actions">
            <Button size="primary" className="runner-cpr__action runner-cpr__primary" aria-keyshortcuts={CPR_KEY_NAMES} onClick={tap(onNewCycle)}>
              Rhythm checked / new cycle
            </Button>
            <Button size="primary" variant="secondary" className="runner-cpr__action" onClick={tap(onSwap)}>Compressor swapped</Button>
            {onAdrenaline ? (
              <Button size="primary" variant="secondary" className="runner-cpr__action" onClick={tap(onAdrenaline)}>Adrenaline given</Button>
            ) : null}
            <Button size="primary" variant="secondary" className="runner-cpr__action" onClick={() => setStopping(true)}>ROSC / stop CPR</Button>
          </div>
        )}

        <p className="runner-cpr__fact">
          Compressor swaps: {reading.swaps}{reading.lastSwapAt !== null ? `, the last at ${clockTime(reading.lastSwapAt)}` : ''}.
        </p>
        <AdrenalineLine reading={reading} />
        <p className="runner-cpr__fact">
          Foot switch or keyboard: Space, Enter or Page Down is &ldquo;Rhythm checked / new cycle&rdquo;.
        </p>
        <p className="runner-cpr__fact">
          A defibrillator (AED) times its own rhythm checks: follow its voice prompts, and tap &ldquo;Rhythm checked&rdquo; when it analyses.
        </p>
        <Button variant="secondary" className="runner-cpr__fold" onClick={onFold}>Show the steps (the CPR clock keeps running)</Button>
      </div>
    </section>
  );
}
