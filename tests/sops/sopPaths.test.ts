// @vitest-environment node
// Model-based tests of every shipped SOP: all paths are enumerated from the
// document and cross-checked against the compiled machine (xstate/graph),
// then each path is held to the escalation rules: it ends in an outcome,
// emergency and same-day paths speak to a clinician first, every call has a
// way on when nobody answers, and modality-specific steps appear only for
// their modality.
import { describe, expect, it } from 'vitest';
import { enumeratePaths, stepKindOf, type Modality, type SopDocument, type SopPath, type Urgency } from '../../src/engine';
import { machinePaths } from '../../src/engine/graphPaths';
import { builtInSops, collapseSop } from '../../src/sops';
import { roleTypeOf, stepOf } from './sopFacts';

const everySop: readonly SopDocument[] = [...builtInSops, collapseSop];

/** The tiers each SOP sorts patients into (the clinical vignettes cover each one). */
const TIERS: Record<string, Urgency[]> = {
  'fast-af': ['emergency', 'same-day', 'urgent', 'routine'],
  'aortic-syndrome': ['emergency', 'urgent', 'routine'],
  'severe-lv-dysfunction': ['emergency', 'same-day', 'urgent'],
  'severe-valve-disease': ['emergency', 'same-day', 'urgent', 'routine'],
  'heart-block': ['emergency', 'same-day', 'urgent', 'routine'],
  'cardiac-mass': ['emergency', 'same-day', 'urgent', 'routine'],
  'pericardial-effusion': ['emergency', 'same-day', 'urgent', 'routine'],
  endocarditis: ['emergency', 'same-day', 'urgent'],
  'contrast-reaction': ['emergency', 'same-day', 'routine'],
  'rate-control-drug-reaction': ['emergency', 'same-day', 'routine'],
  'deteriorating-patient': ['emergency', 'same-day', 'urgent', 'routine'],
  collapse: ['emergency', 'same-day', 'routine'],
  'chest-pain': ['emergency', 'same-day', 'urgent'],
  'contrast-extravasation': ['emergency', 'same-day', 'routine'],
  'mri-safety-incident': ['emergency', 'same-day', 'routine'],
  'stress-echo-complication': ['emergency', 'same-day', 'routine'],
  'pulmonary-embolism': ['emergency', 'same-day', 'urgent'],
  hypoglycaemia: ['emergency', 'same-day', 'routine'],
  seizure: ['emergency', 'same-day', 'routine'],
};

const key = (p: SopPath) => `${p.modality}|${p.steps.map((s) => `${s.stepId}:${s.via}`).join('>')}|${p.outcome}|${p.urgency}`;
const isClinicalContact = (doc: SopDocument, stepId: string) => ['clinician', 'receiving-team'].includes(roleTypeOf(doc, stepId) ?? '');

const pathsCache = new Map<string, SopPath[]>();
function pathsOf(doc: SopDocument, modality: Modality): SopPath[] {
  const k = `${doc.id}|${modality}`;
  if (!pathsCache.has(k)) pathsCache.set(k, enumeratePaths(doc, { modality }));
  return pathsCache.get(k)!;
}
const allPaths = (doc: SopDocument) => doc.modalities.flatMap((m) => pathsOf(doc, m));

describe.each(everySop.map((d) => [d.id, d] as const))('%s', (_id, doc) => {
  it('the compiled machine takes exactly the paths the document describes, in every modality', () => {
    for (const modality of doc.modalities) {
      const fromDocument = pathsOf(doc, modality).map(key).sort();
      const fromMachine = machinePaths(doc, modality).map(key).sort();
      expect(fromDocument.length).toBeGreaterThan(0);
      expect(fromMachine).toEqual(fromDocument);
    }
  }, 120_000); // traversing the machine takes seconds for the larger SOPs on a busy machine

  it('ends every path in an outcome, and reaches every tier it is meant to sort into', () => {
    for (const path of allPaths(doc)) {
      expect(stepOf(doc, path.steps.at(-1)!.stepId).kind).toBe('outcome');
    }
    expect([...new Set(allPaths(doc).map((p) => p.urgency))].sort()).toEqual([...TIERS[doc.id]!].sort());
  });

  it('speaks to a clinician or receiving team before every emergency and same-day outcome', () => {
    for (const path of allPaths(doc).filter((p) => p.urgency === 'emergency' || p.urgency === 'same-day')) {
      const clinical = path.steps.slice(0, -1).some((s) => isClinicalContact(doc, s.stepId));
      expect(clinical, `${path.modality}: ${key(path)}`).toBe(true);
    }
  });

  it('never leaves an ambulance call as the only hand-over on a path', () => {
    for (const path of allPaths(doc)) {
      const ambulance = path.steps.some((s) => roleTypeOf(doc, s.stepId) === 'ambulance');
      if (ambulance) expect(path.steps.some((s) => isClinicalContact(doc, s.stepId)), key(path)).toBe(true);
    }
  });

  it('calls for an ambulance or the emergency team on every emergency path, unless a doctor on site takes over', () => {
    for (const path of allPaths(doc).filter((p) => p.urgency === 'emergency')) {
      const summoned = path.steps.some((s) => ['ambulance', 'resuscitation'].includes(roleTypeOf(doc, s.stepId) ?? ''));
      const doctorOnSite = path.steps.some((s) => `${s.stepId}:${s.via}` === 'callSupervisorNow:onSite');
      expect(summoned || doctorOnSite, key(path)).toBe(true);
    }
  });

  it('keeps the patient safe with an actions step on every emergency path', () => {
    for (const path of allPaths(doc).filter((p) => p.urgency === 'emergency')) {
      expect(path.steps.some((s) => stepOf(doc, s.stepId).kind === 'actions'), key(path)).toBe(true);
    }
  });

  it('gives every contact a no-answer route that still ends in an outcome', () => {
    const contacts = doc.steps.filter((s) => s.kind === 'contact');
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) {
      const noAnswer = contact.outcomes.filter((o) => o.result === 'noAnswer').map((o) => o.id);
      expect(noAnswer, contact.id).toHaveLength(1);
      const taken = allPaths(doc).some((p) => p.steps.some((s) => s.stepId === contact.id && s.via === noAnswer[0]));
      expect(taken, `${contact.id} no-answer route`).toBe(true);
    }
  });

  it('uses every step and every way on from it on some path', () => {
    const used = new Set(allPaths(doc).flatMap((p) => p.steps.map((s) => `${s.stepId}:${s.via}`)));
    for (const step of doc.steps) {
      const ways = stepKindOf(step).successors(step).map((s) => s.via);
      for (const via of step.kind === 'outcome' ? [null] : ways) expect(used.has(`${step.id}:${via}`), `${step.id} via ${via}`).toBe(true);
    }
  });
});

describe('finding SOPs start from the patient in front of you', () => {
  // A fitting patient is neither responsive nor breathing normally: the seizure
  // SOP asks about fitting first and about breathing once the fit stops (below).
  it.each(builtInSops.filter((d) => d.id !== 'seizure').map((d) => [d.id, d] as const))('%s: no response or not sure goes straight to the arrest call, before any checklist', (_id, doc) => {
    const first = stepOf(doc, doc.start);
    expect(first.kind).toBe('question');
    if (first.kind !== 'question') return;
    expect(first.title).toMatch(/responsive and breathing normally/);
    for (const option of first.options.filter((o) => o.id !== 'yes')) {
      const onward = allPaths(doc).filter((p) => p.steps[0]!.via === option.id);
      expect(onward.length).toBeGreaterThan(0);
      for (const path of onward) {
        expect(path.urgency).toBe('emergency');
        expect(roleTypeOf(doc, path.steps[1]!.stepId), key(path)).toBe('resuscitation');
      }
    }
  });
});

describe('the seizure SOP', () => {
  it('asks whether the patient is fitting, and sends "not breathing normally" after the fit straight to the arrest call', () => {
    const doc = builtInSops.find((d) => d.id === 'seizure')!;
    expect(stepOf(doc, doc.start).title).toMatch(/fitting/);
    const after = stepOf(doc, 'checkBreathingAfter');
    expect(after.kind).toBe('question');
    if (after.kind !== 'question') return;
    for (const option of after.options.filter((o) => o.id !== 'yes')) expect(roleTypeOf(doc, option.next)).toBe('resuscitation');
  });
});

describe('each SOP fits the modality', () => {
  const mriItemsOnPath = (doc: SopDocument, path: SopPath) =>
    path.steps.flatMap((s) => {
      const step = stepOf(doc, s.stepId);
      return step.kind === 'actions' ? step.items.filter((i) => i.modalities?.includes('mri')) : [];
    });

  it.each(['fast-af', 'heart-block'])('%s: on MRI the rhythm is confirmed on a 12-lead ECG outside the scanner room before anything else is asked', (id) => {
    const doc = builtInSops.find((d) => d.id === id)!;
    const checked = pathsOf(doc, 'mri').filter((p) => p.steps[0]!.via === 'yes');
    for (const path of checked) {
      const record = stepOf(doc, path.steps[1]!.stepId);
      expect(record.kind).toBe('actions');
      if (record.kind !== 'actions') continue;
      const mriOnly = record.items.filter((i) => i.modalities?.join() === 'mri');
      expect(mriOnly.some((i) => /12-lead ECG/.test(i.text) && /scanner room/.test(i.text))).toBe(true);
    }
  });

  const imaged = ['aortic-syndrome', 'severe-lv-dysfunction', 'severe-valve-disease', 'cardiac-mass', 'pericardial-effusion', 'endocarditis'];
  it.each(imaged)('%s: on CT the reporting radiologist reviews the images with the patient on the table; on MRI the imaging consultant; on echo neither', (id) => {
    const doc = builtInSops.find((d) => d.id === id)!;
    const reviewing = (m: Modality) => pathsOf(doc, m).filter((p) => p.steps.some((s) => s.stepId === 'reviewByModality'));
    for (const m of ['echo', 'ct', 'mri'] as const) expect(reviewing(m).length, m).toBeGreaterThan(0);
    for (const path of reviewing('ct')) {
      expect(path.steps.some((s) => s.stepId === 'radiologistReview')).toBe(true);
      expect(path.steps.some((s) => s.stepId === 'cmrReview')).toBe(false);
    }
    for (const path of reviewing('mri')) expect(path.steps.some((s) => s.stepId === 'cmrReview')).toBe(true);
    for (const path of reviewing('echo')) expect(path.steps.some((s) => s.stepId === 'radiologistReview' || s.stepId === 'cmrReview')).toBe(false);
    const radiologist = stepOf(doc, 'radiologistReview');
    expect(radiologist.kind === 'contact' && radiologist.role).toBe('reporting-radiologist');
    expect(radiologist.text).toMatch(/on the table/);
  });

  it.each(everySop.map((d) => [d.id, d] as const))('%s: every MRI path that resuscitates moves the patient out of the scanner room first', (_id, doc) => {
    if (!doc.modalities.includes('mri')) return;
    const resuscitating = pathsOf(doc, 'mri').filter((p) => p.steps.some((s) => roleTypeOf(doc, s.stepId) === 'resuscitation'));
    expect(resuscitating.length).toBeGreaterThan(0);
    for (const path of resuscitating) {
      expect(mriItemsOnPath(doc, path).some((i) => /out of the scanner room/.test(i.text)), key(path)).toBe(true);
    }
  });

  it('the beta-blocker and GTN SOP is for CT lists only', () => {
    expect(builtInSops.find((d) => d.id === 'rate-control-drug-reaction')!.modalities).toEqual(['ct']);
  });
});
