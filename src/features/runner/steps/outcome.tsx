// The outcome: urgency and disposition as an NHS care card (the urgency in its
// heading's words and its colour), suggested report wording (copyable), what to
// document, and a timeline of the episode. The parts that tell the episode's
// times (the calls, the wording, the timeline) are drawn once the screen is on
// show, never while it is made ready out of sight: they would tell the
// predicted time of the tap that leads here, not the saved one. So the screen
// made ready is the saved tap's screen less those parts, and can be revealed as
// made (StepStage), with them following a frame later.
import { useState } from 'react';
import { collapseContinuation, describeCpr, URGENCY_LABEL, type Urgency } from '../../../engine';
import { Button } from '../../../ui/Button';
import { COPY_MESSAGE, copyText } from '../device/clipboard';
import { clockTime, sinceStart } from '../format/time';
import { StepHeading } from './StepHeading';
import { useStepShown } from './stepShown';
import { collapseTime } from '../cpr/cprOffer';
import { summaryOf } from './episodeSummary';
import { WhatHappened, escalationWording } from './WhatHappened';
import type { StepScreenProps } from './stepScreen';
import './outcome.css';

/** NHS care cards have three levels: same day is urgent care, routine and within 2 weeks are not. */
const CARE_LEVEL: Readonly<Record<Urgency, 'non-urgent' | 'urgent' | 'emergency'>> = {
  emergency: 'emergency',
  'same-day': 'urgent',
  urgent: 'non-urgent',
  routine: 'non-urgent',
};

export function OutcomeScreen({ step, stepKey, view, finish }: StepScreenProps<'outcome'>) {
  const [copied, setCopied] = useState('');
  const shown = useStepShown();
  const lines = summaryOf(view.doc, view.collapse, view.snapshot.context);
  const escalation = escalationWording(view.snapshot.context, view.doc, view.collapse);
  const continuation = collapseContinuation(view.doc, view.collapse, view.snapshot.context);
  // The CPR clock's times, when it was used: what the arrest team or crew asks first, and what the record must keep.
  const cpr = describeCpr(view.cpr, collapseTime(view));
  const wording = [step.reportWording, escalation, cpr, continuation].filter((part) => part).join('\n\n');
  return (
    <section className="runner-step runner-outcome">
      <StepHeading stepKey={stepKey} title={step.title} text={step.text} decision={false} />
      {/* nhsuk-frontend's care card markup, written out: the tap path gets classes, not another component. */}
      <div className={`nhsuk-card nhsuk-card--care nhsuk-card--care--${CARE_LEVEL[step.urgency]}`}>
        <div className="nhsuk-card__heading-container">
          <h2 className="nhsuk-card__heading">Urgency: {URGENCY_LABEL[step.urgency]}</h2>
          <span className="nhsuk-card--care__arrow" aria-hidden="true" />
        </div>
        <div className="nhsuk-card__content">
          <p className="runner-outcome__disposition">{step.disposition}</p>
        </div>
      </div>
      {continuation ? <p className="runner-outcome__continuation" role="note">{continuation}</p> : null}
      {shown ? <WhatHappened context={view.snapshot.context} doc={view.doc} collapse={view.collapse} urgency={step.urgency} /> : null}
      {/* Usually below the fold: drawn when scrolled near, not as part of the tap that reveals the outcome. */}
      {shown ? <div className="rendered-when-in-view">
        <h2>Suggested report wording</h2>
        <blockquote className="runner-outcome__wording">
          <p>{step.reportWording}</p>
          <p>{escalation}</p>
          {cpr ? <p>{cpr}</p> : null}
          {continuation ? <p>{continuation}</p> : null}
        </blockquote>
        <Button variant="secondary" onClick={async () => setCopied(COPY_MESSAGE[await copyText(wording)])}>
          Copy report wording
        </Button>
        <p role="status" className="runner-outcome__message">{copied}</p>
      </div> : null}
      <div className="rendered-when-in-view">
        <h2>What to document</h2>
        <ul className="runner-outcome__document">
          {step.document.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
      {shown ? <div className="rendered-when-in-view">
        <h2>Summary</h2>
        <ol className="runner-timeline">
          {lines.map((line, index) => (
            <li key={index}>
              <span className="runner-timeline__time">
                {clockTime(line.at)} ({sinceStart(line.at, view.startedAt)})
              </span>{' '}
              {line.text}
            </li>
          ))}
        </ol>
      </div> : null}
      <Button size="primary" className="runner-primary" onClick={finish}>
        Finish and save
      </Button>
    </section>
  );
}
