// A contact step: who to call (from the local directory), what to say (SBAR),
// and one tap per result. "No answer" moves to the fallback; each attempt is
// logged with its time and listed here.
import { buildSbar } from '../../../engine';
import { DirectoryCard } from '../contact/DirectoryCard';
import { SbarPanel } from '../contact/SbarPanel';
import { useDirectoryContact } from '../episode/runnerServices';
import { clockTime } from '../format/time';
import { ChoiceButtons } from './ChoiceButtons';
import { StepHeading } from './StepHeading';
import { docOfStep } from './docOfStep';
import type { StepScreenProps } from './stepScreen';

const RESULT_WORDS = { accepted: 'reached, accepted', advised: 'reached, advised', declined: 'reached, declined', noAnswer: 'no answer' } as const;

export function ContactScreen({ step, current, stepKey, view, send }: StepScreenProps<'contact'>) {
  const doc = docOfStep(view, current);
  const roleTitle = (id: string) => doc.roles.find((role) => role.id === id)?.title ?? view.doc.roles.find((role) => role.id === id)?.title ?? id;
  const lookup = useDirectoryContact(step.role);
  const missing = lookup.state === 'missing';
  const sbar = buildSbar(doc, view.snapshot, step, { site: view.identity.site || undefined, modality: view.identity.modality }, view.collapse);
  const attempts = view.snapshot.context.contacts.filter((contact) => contact.stepId === stepKey);
  const fallbackTitle = lookup.state === 'found' && lookup.contact.fallbackRoleId ? roleTitle(lookup.contact.fallbackRoleId) : null;
  const choices = step.outcomes.map((outcome) => ({
    id: outcome.id,
    label: outcome.label,
    emphasis: missing && outcome.result === 'noAnswer',
    detail: missing && outcome.result === 'noAnswer' ? 'Not configured on this device: go to the fallback' : undefined,
  }));
  return (
    <section className="runner-step">
      <StepHeading stepKey={stepKey} title={step.title} text={step.text} />
      <DirectoryCard roleTitle={roleTitle(step.role)} lookup={lookup} fallbackTitle={fallbackTitle} />
      <ChoiceButtons legend="Result of the call" choices={choices} onChoose={(outcome) => send({ type: 'CONTACT', outcome })} />
      {attempts.length > 0 ? (
        <div className="runner-attempts">
          <h2 className="runner-attempts__title">Attempts at this step</h2>
          <ul>
            {attempts.map((attempt, index) => (
              <li key={`${attempt.at}-${index}`}>
                {clockTime(attempt.at)}: {RESULT_WORDS[attempt.result]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <SbarPanel sbar={sbar} title={step.title} />
    </section>
  );
}
