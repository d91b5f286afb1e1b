// @vitest-environment node
// The clinical safety revision (issue 18), held as facts about the shipped
// SOPs rather than one walk each: anaphylaxis is called first and treated with
// intramuscular adrenaline, a vasovagal reaction is told apart; every SOP where
// emboli are likely checks for a stroke and names endocarditis or dissection to
// the stroke team; high-risk findings never travel by car; a thrombus in
// transit is an emergency; known fast AF is not routine until rate, symptoms
// and LV are checked; steps outside an ILS worker's scope say "trained person";
// no screen suggests not dialling 999; wording fits the scanner.
import { describe, expect, it } from 'vitest';
import { enumeratePaths, type SopDocument, type SopPath } from '../../src/engine';
import { builtInSops, collapseSop } from '../../src/sops';
import { floorFrom, roleTypeOf, stepOf, textsOf } from '../sops/sopFacts';

const everySop: readonly SopDocument[] = [...builtInSops, collapseSop];
const sop = (id: string) => everySop.find((d) => d.id === id)!;
const allPaths = (doc: SopDocument): SopPath[] => doc.modalities.flatMap((m) => enumeratePaths(doc, { modality: m }));
const visits = (path: SopPath, stepId: string) => path.steps.some((s) => s.stepId === stepId);
const optionTarget = (doc: SopDocument, stepId: string, option: string) => {
  const step = stepOf(doc, stepId);
  if (step.kind !== 'question') throw new Error(`${stepId} is not a question`);
  return step.options.find((o) => o.id === option)!.next;
};

describe('contrast anaphylaxis', () => {
  const doc = sop('contrast-reaction');
  const anaphylaxis = allPaths(doc).filter((p) => p.outcome === 'anaphylaxisOutcome');

  it('calls the emergency number before the treatment checklist, on every anaphylaxis path', () => {
    expect(anaphylaxis.length).toBeGreaterThan(0);
    for (const path of anaphylaxis) {
      const firstCall = path.steps.findIndex((s) => stepOf(doc, s.stepId).kind === 'contact');
      const care = path.steps.findIndex((s) => s.stepId === 'anaphylaxisCare');
      expect(roleTypeOf(doc, path.steps[firstCall]!.stepId)).toBe('resuscitation');
      expect(firstCall).toBeLessThan(care);
    }
  });

  it('gives intramuscular adrenaline 0.5 mg as a step, cited to RCUK and regulation 238, not "under the local protocol"', () => {
    const care = stepOf(doc, 'anaphylaxisCare');
    expect(care.kind).toBe('actions');
    if (care.kind !== 'actions') return;
    const adrenaline = care.items.find((i) => i.id === 'adrenaline')!;
    expect(adrenaline.text).toMatch(/adrenaline 0\.5 mg into the muscle/);
    expect(adrenaline.text).not.toMatch(/local (anaphylaxis )?protocol/);
    expect(adrenaline.cites).toEqual(expect.arrayContaining(['rcuk-anaphylaxis-2021', 'hmr-2012-reg238']));
    expect(care.items[0]!.id).toBe('adrenaline');
  });

  it('separates a vasovagal reaction (slow pulse, no skin or airway signs) from anaphylaxis', () => {
    expect(floorFrom(doc, optionTarget(doc, 'checkVasovagal', 'yes'))).not.toBe('emergency');
    expect(floorFrom(doc, optionTarget(doc, 'checkVasovagal', 'no'))).toBe('emergency');
    expect(floorFrom(doc, optionTarget(doc, 'checkVasovagal', 'notSure'))).toBe('emergency');
    expect(allPaths(doc).some((p) => p.outcome === 'vasovagalOutcome' && p.urgency === 'routine')).toBe(true);
  });
});

describe('stroke and TIA check where emboli are likely', () => {
  const EMBOLIC = ['fast-af', 'severe-lv-dysfunction', 'severe-valve-disease', 'cardiac-mass', 'endocarditis', 'aortic-syndrome'];

  it.each(EMBOLIC)('%s: asks FAST and the time last seen well, and a positive check goes by 999 to the stroke team', (id) => {
    const doc = sop(id);
    const q = stepOf(doc, 'checkStroke');
    expect(q.kind === 'question' && q.text).toMatch(/FAST/);
    const stroke = allPaths(doc).filter((p) => p.steps.some((s) => s.stepId === 'checkStroke' && s.via === 'yes'));
    expect(stroke.length).toBeGreaterThan(0);
    for (const path of stroke) {
      expect(path.urgency).toBe('emergency');
      expect(path.steps[path.steps.findIndex((s) => s.stepId === 'checkStroke') + 1]!.stepId).toBe('strokeCall999');
      expect(visits(path, 'strokeCare')).toBe(true);
      expect(path.steps.some((s) => stepOf(doc, s.stepId).kind === 'contact' && (stepOf(doc, s.stepId) as { role: string }).role === 'stroke-team')).toBe(true);
    }
    const care = stepOf(doc, 'strokeCare');
    expect(care.kind === 'actions' && care.items.some((i) => /last seen well/.test(i.text))).toBe(true);
  });

  it.each([['endocarditis', /endocarditis/], ['aortic-syndrome', /dissection/]] as const)('%s: the stroke team is told the finding and warned about thrombolysis', (id, finding) => {
    const call = stepOf(sop(id), 'callStrokeTeam');
    expect(call.kind).toBe('contact');
    if (call.kind !== 'contact') return;
    expect(call.sbar.assessment).toMatch(finding);
    expect(call.sbar.assessment).toMatch(/thrombolysis/);
  });
});

describe('transport', () => {
  it.each(['fast-af', 'heart-block', 'pericardial-effusion', 'cardiac-mass', 'severe-valve-disease'])('%s: every same-day path books an ambulance; a private car is never offered', (id) => {
    const doc = sop(id);
    const sameDay = allPaths(doc).filter((p) => p.urgency === 'same-day');
    expect(sameDay.length).toBeGreaterThan(0);
    for (const path of sameDay) expect(path.steps.some((s) => roleTypeOf(doc, s.stepId) === 'ambulance')).toBe(true);
    for (const step of doc.steps) if (step.kind === 'question') expect(step.options.map((o) => o.id)).not.toContain('byCar');
    for (const { at, text } of textsOf(doc)) expect(text, at).not.toMatch(/driven by someone else/);
  });
});

describe('findings that were under-triaged', () => {
  it('right-heart thrombus or thrombus in transit is an emergency even without symptoms', () => {
    const doc = sop('cardiac-mass');
    expect(floorFrom(doc, optionTarget(doc, 'whatMass', 'rightThrombus'))).toBe('emergency');
  });

  it('known AF with a fast rate is checked for rate, symptoms and LV before it can be routine', () => {
    const doc = sop('fast-af');
    const known = allPaths(doc).filter((p) => p.steps.some((s) => s.stepId === 'checkNewAf' && s.via === 'known'));
    const tiers = new Set(known.map((p) => p.urgency));
    expect(tiers).toEqual(new Set(['same-day', 'urgent', 'routine']));
    for (const path of known.filter((p) => p.urgency === 'routine')) {
      expect(visits(path, 'checkKnownRate') && visits(path, 'checkKnownSymptoms')).toBe(true);
      if (path.modality !== 'ct') expect(visits(path, 'checkKnownLv')).toBe(true);
    }
  });

  it('recent syncope counts in heart block and effusion; the effusion SOP asks about a recent procedure or device and fever', () => {
    for (const id of ['heart-block', 'pericardial-effusion']) {
      const q = stepOf(sop(id), 'checkFaint');
      expect(q.title, id).toMatch(/last few weeks/);
    }
    const effusion = sop('pericardial-effusion');
    expect(floorFrom(effusion, optionTarget(effusion, 'checkRecentProcedure', 'yes'))).toBe('same-day');
    expect(floorFrom(effusion, optionTarget(effusion, 'checkFever', 'yes'))).toBe('same-day');
  });

  it('an effusion with an aortic flap goes to the aortic centre', () => {
    const doc = sop('pericardial-effusion');
    const flap = allPaths(doc).filter((p) => p.steps.some((s) => s.stepId === 'checkAorta' && s.via === 'yes'));
    expect(flap.length).toBeGreaterThan(0);
    for (const path of flap) expect(path.steps.some((s) => roleTypeOf(doc, s.stepId) === 'receiving-team' && s.stepId === 'callAorticCentre')).toBe(true);
  });

  it('Marfan, bicuspid valve or a known aortopathy lower the threshold, and the diameter convention is stated', () => {
    const doc = sop('aortic-syndrome');
    const q = stepOf(doc, 'checkAortopathy');
    expect(q.title).toMatch(/Marfan/);
    expect(q.title).toMatch(/bicuspid/);
    const low = stepOf(doc, 'checkAneurysmSizeLow');
    expect(low.title).toMatch(/5\.0 cm/);
    for (const id of ['checkAneurysmSize', 'checkAneurysmSizeLow']) expect(stepOf(doc, id).text).toMatch(/leading edge to leading edge/);
  });
});

describe('one question asks one thing; "not sure" is safer without making every gap 999', () => {
  it('no finding SOP still asks the four adverse features, or broad complexes with stroke signs, in one question', () => {
    for (const doc of everySop) {
      for (const step of doc.steps) {
        if (step.kind !== 'question') continue;
        expect(step.title, `${doc.id} ${step.id}`).not.toMatch(/^Any adverse feature\?$|Broad complexes on the ECG, or stroke signs|sepsis or stroke|Chest pain, stroke signs or fainting/);
      }
    }
  });

  it('a faint before today is not swallowed by the adverse-feature check in severe valve disease', () => {
    const q = stepOf(sop('severe-valve-disease'), 'checkFaint');
    expect(q.title).toMatch(/during this visit/);
  });

  it('over-triage review: orthopnoea alone, a short VT run and an uncertain prosthesis are same-day, not 999', () => {
    const lv = sop('severe-lv-dysfunction');
    expect(floorFrom(lv, optionTarget(lv, 'checkVt', 'runs'))).toBe('same-day');
    expect(floorFrom(lv, optionTarget(lv, 'checkVt', 'notSure'))).toBe('same-day');
    const valve = sop('severe-valve-disease');
    expect(floorFrom(valve, optionTarget(valve, 'checkProsthetic', 'notSure'))).toBe('same-day');
    const effusion = sop('pericardial-effusion');
    expect(floorFrom(effusion, optionTarget(effusion, 'checkOrthopnoea', 'yes'))).toBe('same-day');
    for (const doc of builtInSops) {
      const q = doc.steps.find((s) => s.id === 'checkBreathlessRest');
      if (q) expect(q.text, doc.id).toMatch(/Not being able to lie flat on its own is not this/);
      const pain = doc.steps.find((s) => s.id === 'checkCardiacPain');
      if (pain) expect(pain.text, doc.id).toMatch(/pleuritic|only on breathing in/);
    }
  });
});

describe('scope, 999 and modality wording', () => {
  it('external pacing, JVP and pulsus paradoxus appear only as things a trained person does', () => {
    for (const doc of everySop) {
      for (const { at, text } of textsOf(doc)) {
        if (!/^steps.*\.(text|title|label|detail)$/.test(at)) continue;
        if (/external pacing|\bJVP\b|pulsus paradoxus/i.test(text)) {
          expect(text, `${doc.id} ${at}`).toMatch(/trained/);
        }
      }
    }
  });

  it('no screen ever suggests not dialling 999, and the arrest call says what to do on a hospital site', () => {
    for (const doc of everySop) {
      for (const { at, text } of textsOf(doc)) {
        expect(text, `${doc.id} ${at}`).not.toMatch(/\b(do not|don't|never|no need to|instead of) (call|dial|ring|phon)\w* 999/i);
      }
      for (const step of doc.steps) {
        if (step.kind === 'contact' && step.role === 'resuscitation') expect(step.text, `${doc.id} ${step.id}`).toMatch(/hospital site/);
      }
    }
  });

  it('no "echo-free space" or "transthoracic echo" on the screens or reports of an SOP that runs on CT or MRI', () => {
    for (const doc of everySop.filter((d) => d.modalities.some((m) => m !== 'echo'))) {
      for (const { at, text } of textsOf(doc)) {
        if (!at.startsWith('steps')) continue;
        expect(text, `${doc.id} ${at}`).not.toMatch(/echo-free space|transthoracic echo|no echo features/i);
      }
    }
  });

  it('on MRI, the first checklist of every path says to bring the patient out of the bore or the scanner room', () => {
    for (const doc of everySop.filter((d) => d.modalities.includes('mri'))) {
      for (const path of enumeratePaths(doc, { modality: 'mri' })) {
        // "Keep calling" screens only say to redial; the first checklist after them is the one that moves the patient.
        const first = path.steps.map((s) => stepOf(doc, s.stepId)).find((s) => s.kind === 'actions' && !/keepCalling/i.test(s.id));
        if (!first || first.kind !== 'actions') continue;
        const mri = first.items.filter((i) => i.modalities?.includes('mri'));
        expect(mri.some((i) => /out of the (bore|scanner room)/.test(i.text)), `${doc.id}: ${first.id}`).toBe(true);
      }
    }
  });
});
