// @vitest-environment node
// A collapse started from inside an SOP (issue 18, item 3): its hand-over names the
// finding that was being escalated, in that SOP's own handover words; its advice never
// says "lie flat" without the sit-up exception for breathlessness or tamponade; and the
// episode says clearly that it continued as a collapse and the finding still needs acting on.
import { describe, expect, it } from 'vitest';
import { buildSbar, collapseContinuation, type SopDocument, type StepOfKind } from '../../src/engine';
import { builtInSops, collapseSop } from '../../src/sops';
import { startRun } from '../support/sopDriver';

const sop = (id: string) => builtInSops.find((d) => d.id === id) as SopDocument;
const effusion = sop('pericardial-effusion');
const collapseStep = <K extends 'contact' | 'actions'>(id: string) => collapseSop.steps.find((s) => s.id === id) as StepOfKind<K>;

/** Pericardial effusion with tamponade signs on pulse and BP, then the patient collapses while 999 is being called. */
function tamponadeThenCollapse() {
  return startRun(effusion, { modality: 'echo', collapse: collapseSop })
    .choose('yes').continue()
    .choose('no').choose('no').choose('no').choose('no')
    .choose('yes')
    .expectStep('call999')
    .collapse();
}

describe('collapse started from inside an SOP', () => {
  it('hands over the finding that was being escalated, in its own words, with the collapse findings', () => {
    const run = tamponadeThenCollapse().choose('notBreathing');
    const sbar = buildSbar(effusion, run.snapshot, collapseStep<'contact'>('callArrest'), { modality: 'echo' }, collapseSop);
    expect(sbar.situation).toContain(`The patient collapsed while I was escalating: ${effusion.finding.replace(/\.$/, '')} (${effusion.title}).`);
    expect(sbar.assessment).toContain('pulse over 100 with low or falling BP (possible tamponade)');
    expect(sbar.assessment).toContain('collapsed, not breathing normally: cardiac arrest');
  });

  it('a collapse SOP run on its own says nothing about an interrupted finding', () => {
    const run = startRun(collapseSop, { modality: 'echo' }).choose('notBreathing');
    const sbar = buildSbar(collapseSop, run.snapshot, collapseStep<'contact'>('callArrest'), { modality: 'echo' });
    expect(sbar.situation).not.toContain('collapsed while I was escalating');
    expect(collapseContinuation(collapseSop, collapseSop, run.context)).toBeNull();
  });

  it('says the episode continued as a collapse, where the SOP stopped, and to start it again if the patient recovers', () => {
    const run = tamponadeThenCollapse().choose('cameRound');
    const words = collapseContinuation(effusion, collapseSop, run.context);
    expect(words).toContain(`the ${effusion.title} pathway stopped at "Call 999`);
    expect(words).toMatch(/has not been dealt with: if the patient has recovered, start .* again from Escalate/);
    expect(collapseContinuation(effusion, collapseSop, tamponadeThenCollapse().context)).not.toBeNull();
    expect(collapseContinuation(effusion, collapseSop, startRun(effusion, { modality: 'echo', collapse: collapseSop }).context)).toBeNull();
  });

  it('never advises lying flat without the sit-up exception for breathlessness or tamponade', () => {
    const flat = /\b(lie|lying|laid|lay)\b[^.]*\bflat\b/i;
    // In cardiac arrest the patient goes flat for CPR: that is right, and not advice to a conscious patient.
    const forCpr = (step: SopDocument['steps'][number]) => /\bCPR\b/.test(step.title);
    const offenders = collapseSop.steps.filter((step) => !forCpr(step)).flatMap((step) => {
      const texts = [step.title, step.text ?? '', ...(step.kind === 'actions' ? step.items.map((i) => i.text) : [])];
      return texts.filter((t) => flat.test(t) && !(/breathless/i.test(t) && /tamponade/i.test(t) && /sit (them|the patient) up/i.test(t)))
        .map((t) => `${step.id}: ${t}`);
    });
    expect(offenders).toEqual([]);
    // And the came-round care, the step a recovered patient reaches, carries the exception.
    const care = collapseStep<'actions'>('cameRoundCare');
    expect(care.items.map((i) => i.text).join(' ')).toMatch(/breathless.*tamponade.*sit them up/i);
  });
});
