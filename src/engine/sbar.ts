// Builds the SBAR hand-over for a contact step: the step's own script plus
// what has been found so far (answers, in the words the author chose).
import type { SopContext } from './compile/runTypes';
import type { SopDocument, StepOfKind } from './schema/document';
import { describeObservations, type Observations } from './news2';
import { describeCpr, type CprMark } from './cprMarks';

export interface Sbar {
  situation: string;
  background: string;
  assessment: string;
  recommendation: string;
}

export interface SbarExtras {
  site?: string;
  modality?: string;
  /** The episode's observations record (latest), if the worker captured one. */
  observations?: Observations;
  /** The CPR clock's taps in this episode, if it was used: said with their times. */
  cpr?: readonly CprMark[];
  /** When the collapse was tapped, for the CPR sentence (a collapse episode of its own starts then; else the snapshot's). */
  collapsedAt?: number | null;
}

const MODALITY_NAME: Record<string, string> = { echo: 'an echocardiogram', ct: 'a cardiac CT scan', mri: 'a cardiac MRI scan' };

/** Each answer as a hand-over phrase: the option's `handover` text, else the option's own words —
 *  never the question text (a hand-over states findings, not what was asked). */
function findingsSoFar(doc: SopDocument, context: SopContext, collapseDoc?: SopDocument): string[] {
  return context.answers.flatMap((answer) => {
    const inCollapse = answer.stepId.startsWith('collapse.');
    const source = inCollapse ? collapseDoc : doc;
    const id = inCollapse ? answer.stepId.slice('collapse.'.length) : answer.stepId;
    const step = source?.steps.find((s) => s.id === id);
    if (step?.kind !== 'question') return [`${answer.label}`];
    const option = step.options.find((o) => o.id === answer.choice);
    return [option?.handover ?? option?.label ?? answer.label];
  });
}

/**
 * `doc` is the SOP the episode was started with, even when `contactStep` belongs to the
 * embedded collapse SOP (`collapseDoc`): answers are looked up in the SOP they were given in.
 */
export function buildSbar(
  doc: SopDocument,
  snapshot: { context: SopContext },
  contactStep: StepOfKind<'contact'>,
  extras: SbarExtras = {},
  collapseDoc?: SopDocument,
): Sbar {
  const modality = extras.modality ?? snapshot.context.modality;
  // Collapsed inside another SOP: say which finding was being escalated (its answers are below, in its own words).
  const interrupted = collapseDoc && doc.id !== collapseDoc.id && snapshot.context.collapsedAt !== null
    ? ` The patient collapsed while I was escalating: ${doc.finding.replace(/\.$/, '')} (${doc.title}).`
    : '';
  const where = `Found during ${MODALITY_NAME[modality] ?? `a ${modality} scan`}${extras.site ? ` at ${extras.site}` : ''}.`;
  const findings = findingsSoFar(doc, snapshot.context, collapseDoc);
  const observed = extras.observations ? describeObservations(extras.observations) : '';
  const cpr = extras.cpr ? describeCpr(extras.cpr, extras.collapsedAt ?? snapshot.context.collapsedAt) : '';
  const assessment = [
    contactStep.sbar.assessment,
    findings.length > 0 ? `Findings: ${findings.join('; ')}.` : '',
    observed,
    cpr,
  ].filter((part) => part !== '').join(' ');
  return {
    situation: `${contactStep.sbar.situation} ${where}${interrupted}`,
    background: contactStep.sbar.background,
    assessment,
    recommendation: contactStep.sbar.recommendation,
  };
}
