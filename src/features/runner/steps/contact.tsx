// A contact step: who to call (from the local directory), one tap per result,
// then what to do while waiting, then what to say (SBAR). A role with no
// number here is logged "not configured" (nobody was called), never as a call
// nobody answered; "gave advice" asks for the advice, which is logged.
import { memo, useCallback, useMemo, useState } from 'react';
import { buildSbar, type StepOfKind } from '../../../engine';
import { DirectoryCard, type CallKind } from '../contact/DirectoryCard';
import { AdviceForm } from '../contact/AdviceForm';
import { SbarPanel } from '../contact/SbarPanel';
import { useDirectoryContact } from '../episode/runnerServices';
import { clockTime } from '../format/time';
import { ChoiceButtons } from './ChoiceButtons';
import { StepHeading } from './StepHeading';
import { collapseTime } from '../cpr/cprOffer';
import { docOfStep } from './docOfStep';
import type { StepScreenProps } from './stepScreen';

const RESULT_WORDS = { accepted: 'reached, accepted', advised: 'reached, gave advice', declined: 'reached, declined', noAnswer: 'no answer' } as const;

function callKind(roleId: string, type: string | undefined): CallKind {
  if (type === 'resuscitation') return 'resuscitation';
  return type === 'ambulance' && roleId.includes('999') ? 'emergency' : 'other';
}

const WhileWaiting = memo(function WhileWaiting({ step }: { step: StepOfKind<'contact'> }) {
  if (!step.whileWaiting) return null;
  return (
    <section className="runner-while-waiting" aria-label="While you wait">
      <h2>While you wait for help</h2>
      <ul>
        {step.whileWaiting.map((item) => <li key={item}>{item}</li>)}
      </ul>
    </section>
  );
});

export function ContactScreen({ step, current, stepKey, view, send }: StepScreenProps<'contact'>) {
  const doc = docOfStep(view, current);
  const roleOf = (id: string) => doc.roles.find((role) => role.id === id) ?? view.doc.roles.find((role) => role.id === id);
  const roleTitle = (id: string) => roleOf(id)?.title ?? id;
  const [advising, setAdvising] = useState<string | null>(null);
  const lookup = useDirectoryContact(step.role);
  const kind = callKind(step.role, roleOf(step.role)?.type);
  // An emergency role with no entry still has 999: that is a real call, not "not configured".
  const missing = lookup.state === 'missing' && kind === 'other';
  const sbar = buildSbar(view.doc, view.snapshot, step, { site: view.identity.site || undefined, modality: view.identity.modality, observations: view.observations ?? undefined, cpr: view.cpr, collapsedAt: collapseTime(view) }, view.collapse);
  const attempts = view.snapshot.context.contacts.filter((contact) => contact.stepId === stepKey);
  const fallbackTitle = lookup.state === 'found' && lookup.contact.fallbackRoleId ? roleTitle(lookup.contact.fallbackRoleId) : null;
  // Someone may still be reached another way (a paper list): every result stays, the way on is highlighted.
  // From the step and the directory only (kept stable, so the buttons are not drawn again as the episode moves on).
  const choices = useMemo(() => step.outcomes.map((outcome) => ({
    id: outcome.id,
    label: outcome.label,
    emphasis: missing && outcome.result === 'noAnswer',
    detail: missing && outcome.result === 'noAnswer' ? 'Not configured on this device: go to the fallback' : undefined,
  })), [step, missing]);
  const choose = useCallback((outcomeId: string) => {
    const outcome = step.outcomes.find((o) => o.id === outcomeId);
    if (outcome?.result === 'advised') setAdvising(outcomeId);
    else if (missing && outcome?.result === 'noAnswer') send({ type: 'CONTACT', outcome: outcomeId, notConfigured: true });
    else send({ type: 'CONTACT', outcome: outcomeId });
  }, [step, missing, send]);
  return (
    <section className="runner-step">
      <StepHeading stepKey={stepKey} title={step.title} text={step.text} />
      <DirectoryCard roleTitle={roleTitle(step.role)} lookup={lookup} fallbackTitle={fallbackTitle} kind={kind} />
      {advising !== null ? (
        <AdviceForm
          roleTitle={roleTitle(step.role)}
          onSave={(advice) => send({ type: 'CONTACT', outcome: advising, advice })}
          onCancel={() => setAdvising(null)}
        />
      ) : (
        <ChoiceButtons legend="Result of the call" choices={choices} onChoose={choose} />
      )}
      <WhileWaiting step={step} />
      {attempts.length > 0 ? (
        <div className="runner-attempts">
          <h2 className="runner-attempts__title">Attempts at this step</h2>
          <ul>
            {attempts.map((attempt, index) => (
              <li key={`${attempt.at}-${index}`}>
                {clockTime(attempt.at)}: {attempt.notConfigured ? 'not configured, not called' : RESULT_WORDS[attempt.result]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SbarPanel sbar={sbar} title={step.title} />
    </section>
  );
}
