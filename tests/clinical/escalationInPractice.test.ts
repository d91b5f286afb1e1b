// @vitest-environment node
// Two things a lone worker relies on, run live on the real SOPs: the
// "Patient collapsed" button opens the resuscitation pathway from inside any
// finding SOP, and an unanswered call escalates by itself when the wait runs
// out, even with nobody touching the screen.
import { afterEach, describe, expect, it } from 'vitest';
import { builtInSops, collapseSop } from '../../src/sops';
import { startRun, type SopRun } from '../support/sopDriver';

let run: SopRun | undefined;
afterEach(() => {
  run?.stop();
  run = undefined;
});

const sop = (id: string) => builtInSops.find((d) => d.id === id)!;

describe('the patient collapses part-way through a finding SOP', () => {
  it.each(builtInSops.map((d) => [d.id, d] as const))('%s: the collapse pathway takes over and ends in an emergency hand-over', (_id, doc) => {
    const modality = doc.modalities.includes('mri') ? 'mri' : doc.modalities[0]!;
    run = startRun(doc, { modality, collapse: collapseSop });
    run.choose('yes').collapse();
    expect(run.step?.inCollapse).toBe(true);
    run.expectStep('checkBreathing').choose('notBreathing').expectStep('callArrest').contact('coming')
      .expectStep('startCpr');
    const cpr = run.step!.step;
    if (modality === 'mri' && cpr.kind === 'actions') {
      expect(cpr.items.find((i) => i.id === 'mriOut')?.text).toMatch(/out of the scanner room first/);
    }
    run.continue().expectStep('useDefibrillator').continue()
      .expectStep('arrestHandover').continue()
      .expectStep('tellConsultant').contact('told')
      .expectOutcome('emergency');
    expect(run.recordsOfType('collapse')).toHaveLength(1);
  });
});

describe('nobody calls back', () => {
  it('suspected aortic dissection: the backup call comes up by itself 5 minutes after the aortic centre did not answer', () => {
    run = startRun(sop('aortic-syndrome'), { modality: 'echo' });
    run.choose('yes').continue().choose('no').choose('no').choose('no').choose('no').choose('no').choose('flap')
      .expectStep('call999').contact('dispatched')
      .expectStep('emergencyCare').continue()
      .expectStep('callSpecialistNow').contact('noAnswer')
      .expectStep('waitSpecialistNow')
      .advance('4m').expectStep('waitSpecialistNow')
      .advance('1m').expectStep('callBackupNow');
    expect(run.recordsOfType('timer-expired')).toHaveLength(1);
  });

  it('fast AF same day: the imaging consultant comes up 15 minutes after the registrar was bleeped', () => {
    run = startRun(sop('fast-af'), { modality: 'echo' });
    run.choose('yes').continue().choose('no').choose('no').choose('no').choose('no').choose('no').choose('no').choose('yes')
      .expectStep('sameDayCare').continue()
      .expectStep('callFirstToday').contact('noAnswer')
      .advance('14m').expectStep('waitFirstToday')
      .advance('1m').expectStep('callSecondToday')
      .contact('noAnswer').expectStep('callAcuteToday')
      .contact('noAnswer').expectStep('callEdToday')
      .contact('noAnswer').expectStep('bookAmbulanceEd')
      .contact('noAnswer').expectStep('ambulanceDelayedEd').continue()
      .expectOutcome('sameDayToEd');
  });
});
