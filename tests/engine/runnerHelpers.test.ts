// The pure helpers the runner and the log build on: where am I, what do I say
// on the phone, which roles are called, and which exact document was run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildSbar, canonicalSopJson, compileSop, currentStep, hashSop, replaySop, rolesUsed, URGENCIES, URGENCY_LABEL,
  type StepOfKind,
} from '../../src/engine';
import { startRun } from '../support/sopDriver';
import { fixtureDoc, fixtureJson } from './fixtures/loadFixture';

const triage = fixtureDoc('triageSop');
const collapse = fixtureDoc('collapseSop');
const contactStep = (id: string) => triage.steps.find((s) => s.id === id) as StepOfKind<'contact'>;

afterEach(() => vi.useRealTimers());

describe('currentStep', () => {
  it('finds the main SOP step, the collapse step, and the collapse outcome after the end', () => {
    const machine = compileSop(triage, { collapse });
    const input = { modality: 'echo' as const, startedAt: 0 };
    expect(currentStep(triage, replaySop(machine, input, []), collapse)).toMatchObject({ stepId: 'assess', inCollapse: false, step: { kind: 'question' } });
    const inCollapse = replaySop(machine, input, [{ type: 'COLLAPSE', at: 1 }]);
    expect(currentStep(triage, inCollapse, collapse)).toMatchObject({ stepId: 'checkBreathing', inCollapse: true });
    const ended = replaySop(machine, input, [
      { type: 'COLLAPSE', at: 1 }, { type: 'ANSWER', option: 'yes', at: 2 }, { type: 'CONTINUE', at: 3 },
      { type: 'CONTACT', outcome: 'coming', at: 4 }, { type: 'CONTACT', outcome: 'accepted', at: 5 },
    ]);
    expect(ended.status).toBe('done');
    expect(currentStep(triage, ended, collapse)).toMatchObject({ stepId: 'handedOver', inCollapse: true, step: { kind: 'outcome' } });
  });

  it('returns null for a snapshot of another SOP', () => {
    expect(currentStep(triage, { value: 'somewhereElse', context: replaySop(compileSop(triage), { modality: 'ct', startedAt: 0 }, []).context })).toBeNull();
  });
});

describe('buildSbar', () => {
  it('adds the findings so far, in the handover words the author chose', () => {
    const run = startRun(triage, { modality: 'echo' }).choose('unstable').continue();
    const sbar = buildSbar(triage, run.snapshot, contactStep('callAmbulance'), { site: 'Riverside CDC' });
    expect(sbar.situation).toBe('Emergency in a community imaging centre. Found during an echocardiogram at Riverside CDC.');
    expect(sbar.assessment).toBe('Unstable patient. Findings: The patient has adverse features.');
    expect(sbar.background).toBe('Scan in progress.');
    expect(sbar.recommendation).toBe('Blue-light transfer.');
  });

  it('falls back to the option\'s own words, never the question text, when the option has no handover text', () => {
    const run = startRun(triage, { modality: 'mri' }).continue().choose('stable');
    const sbar = buildSbar(triage, run.snapshot, contactStep('callRegistrar'));
    expect(sbar.assessment).toBe('Stable patient. Findings: Stable.');
    expect(sbar.assessment).not.toContain('Is the patient unstable?');
    expect(sbar.situation).toContain('during a cardiac MRI scan.');
  });
});

describe('buildSbar with observations', () => {
  it('states the observations, the NEWS2 score and band, and the symptom onset time in the assessment', () => {
    const run = startRun(triage, { modality: 'echo' }).choose('unstable').continue();
    const takenAt = new Date(2026, 0, 5, 10, 42).getTime();
    const symptomOnsetAt = new Date(2026, 0, 5, 9, 15).getTime();
    const sbar = buildSbar(triage, run.snapshot, contactStep('callAmbulance'), {
      observations: { heartRate: 160, systolicBp: 88, diastolicBp: 50, spo2: 93, onOxygen: false, respRate: 26, temperature: 37, consciousness: 'A', takenAt, symptomOnsetAt },
    });
    expect(sbar.assessment).toBe(
      'Unstable patient. Findings: The patient has adverse features. Observations at 10:42: HR 160/min, BP 88/50 mmHg, SpO2 93%, on air, RR 26/min, temperature 37 °C, alert, NEWS2 11 (high), symptom onset 09:15.',
    );
  });

  it('says NEWS2 is incomplete rather than scoring part of the chart', () => {
    const run = startRun(triage, { modality: 'echo' }).choose('unstable').continue();
    const sbar = buildSbar(triage, run.snapshot, contactStep('callAmbulance'), { observations: { heartRate: 45, takenAt: new Date(2026, 0, 5, 8, 5).getTime() } });
    expect(sbar.assessment).toContain('Observations at 08:05: HR 45/min, NEWS2 incomplete (6 of 7 not recorded).');
  });
});

describe('rolesUsed', () => {
  it('lists the roles that contact steps call, once each, in calling order', () => {
    expect(rolesUsed(triage).map((r) => r.id)).toEqual(['ambulance-service', 'receiving-ed', 'imaging-consultant', 'cardiology-registrar']);
  });
});

describe('canonicalSopJson and hashSop', () => {
  it('do not depend on key order', async () => {
    const json = fixtureJson('triageSop');
    const reordered = Object.fromEntries(Object.entries(json).reverse());
    const a = fixtureDoc('triageSop');
    expect(canonicalSopJson(reordered as typeof a)).toBe(canonicalSopJson(a));
    expect(await hashSop(reordered as typeof a)).toBe(await hashSop(a));
  });

  it('change when any text changes, and are SHA-256 hex', async () => {
    const a = fixtureDoc('triageSop');
    const b = structuredClone(a);
    (b.steps[2] as StepOfKind<'question'>).options[0]!.label = 'Unstable!';
    const [ha, hb] = [await hashSop(a), await hashSop(b)];
    expect(ha).toMatch(/^[0-9a-f]{64}$/);
    expect(ha).not.toBe(hb);
  });
});

describe('urgency', () => {
  it('orders the levels from most urgent and labels them for people', () => {
    expect(URGENCIES).toEqual(['emergency', 'same-day', 'urgent', 'routine']);
    expect(URGENCIES.map((u) => URGENCY_LABEL[u])).toEqual(['Emergency now', 'Same day', 'Urgent (within 2 weeks)', 'Routine']);
  });
});
