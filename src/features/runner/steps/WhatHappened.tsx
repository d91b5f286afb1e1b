// What the escalation actually achieved, from the calls logged: who was
// reached, who was not, and whether a clinician was spoken to. A path on which
// nobody clinical was reached says so plainly and offers the calls again, so
// the worker keeps escalating; the report wording never claims a hand-over.
import { callInWords, escalationFacts, type CallFact, type SopContext, type SopDocument, type Urgency } from '../../../engine';
import { useDirectoryContact } from '../episode/runnerServices';
import { clockTime } from '../format/time';
import './whatHappened.css';

/** The sentence added to the report wording: the calls as they happened. */
export function escalationWording(context: SopContext, doc: SopDocument, collapse?: SopDocument): string {
  const facts = escalationFacts(context, doc, collapse);
  if (facts.calls.length === 0) return 'Escalation: no calls were made through the app.';
  const reached = facts.reached.length > 0 ? `Reached: ${facts.reached.map(callInWords).join('; ')}.` : 'Nobody was reached.';
  const missed = facts.notReached.length > 0 ? ` Not reached: ${facts.notReached.map(callInWords).join('; ')}.` : '';
  const clinician = facts.clinicianReached ? ' A clinician was spoken to.' : ' No clinician has been spoken to.';
  return `Escalation: ${reached}${missed}${clinician}`;
}

function CallAgain({ call }: { call: CallFact }) {
  const lookup = useDirectoryContact(call.role);
  const dial = lookup.state === 'found' ? lookup.contact.phone.replace(/[^0-9+#*]/g, '') : '';
  return (
    <li>
      {call.roleTitle}
      {dial ? <> — <a href={`tel:${dial}`}>call {lookup.state === 'found' ? lookup.contact.phone : ''}</a></> : ' — no number on this device'}
    </li>
  );
}

export function WhatHappened({ context, doc, collapse, urgency }: { context: SopContext; doc: SopDocument; collapse?: SopDocument; urgency: Urgency }) {
  const facts = escalationFacts(context, doc, collapse);
  const line = (call: CallFact) => <li key={`${call.stepId}-${call.at}`}>{clockTime(call.at)}: {callInWords(call)}</li>;
  const stillToReach = facts.notReached.filter((call) => call.roleType !== 'ambulance');
  return (
    <section className="runner-happened" aria-label="What actually happened">
      <h2>What actually happened</h2>
      {facts.calls.length === 0 ? <p>No calls were made through the app in this episode.</p> : null}
      {facts.reached.length > 0 ? (<><h3>Reached</h3><ul>{facts.reached.map(line)}</ul></>) : null}
      {facts.notReached.length > 0 ? (<><h3>Not reached</h3><ul>{facts.notReached.map(line)}</ul></>) : null}
      {facts.calls.length > 0 && !facts.clinicianReached ? (
        <div className="runner-happened__warning" role="alert">
          <p><strong>No clinician has been spoken to.</strong> This is not a completed hand-over, whatever the wording below says.</p>
          {urgency === 'emergency' || urgency === 'same-day' ? (
            <>
              <p>Keep escalating: try these again, and call 999 if the patient gets worse.</p>
              <ul>
                {stillToReach.map((call) => <CallAgain key={call.role} call={call} />)}
                <li><a href="tel:999">Call 999</a></li>
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
