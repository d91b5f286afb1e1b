// The Log says what happened in words: role titles (not ids), a role with no
// number "not called" (not "no answer"), the advice given, a checklist
// continued with nothing ticked as "0 of N done", and whether a clinician was reached.
import { describe, expect, it } from 'vitest';
import type { EventRow } from '../../../src/db/database';
import { describeEvent } from '../../../src/features/log/labels';

const stepOf = () => ({ id: 'callRegistrar', kind: 'contact', title: 'Call the registrar', text: '' });
const row = (type: string, data: Record<string, unknown>): EventRow =>
  ({ episodeId: 'e', seq: 1, id: 'x', type, stepId: 'callRegistrar', data, at: 0, mono: 0, prevHash: '', hash: '' });

describe('log event words', () => {
  it('tells a role with no number apart from a call nobody answered, by the role title', () => {
    expect(describeEvent(row('contact-attempt', { role: 'cardiology-registrar', roleTitle: 'On-call cardiology registrar', result: 'noAnswer', notConfigured: true }), stepOf))
      .toBe('Not called: On-call cardiology registrar is not configured on this device (no number)');
    expect(describeEvent(row('contact-attempt', { role: 'cardiology-registrar', roleTitle: 'On-call cardiology registrar', result: 'noAnswer', notConfigured: false }), stepOf))
      .toBe('Called On-call cardiology registrar: no answer');
  });

  it('records the advice given', () => {
    expect(describeEvent(row('contact-attempt', { role: 'imaging-consultant', roleTitle: 'Imaging consultant', result: 'advised', advice: 'ED by ambulance' }), stepOf))
      .toBe('Called Imaging consultant: gave advice — advice: "ED by ambulance"');
  });

  it('says how much of a checklist was done and whether a clinician was reached', () => {
    expect(describeEvent(row('continued', { next: 'x', done: 0, of: 3 }), stepOf)).toBe('Continued from: Call the registrar, 0 of 3 done');
    expect(describeEvent(row('outcome-reached', { urgency: 'emergency', clinicianReached: false }), stepOf)).toMatch(/NO clinician was reached$/);
  });

  it('shows an observations record with its NEWS2, and refuses a forged one', () => {
    const takenAt = new Date(2026, 0, 5, 10, 42).getTime();
    const observations = { heartRate: 160, systolicBp: 88, spo2: 97, onOxygen: false, respRate: 26, temperature: 37.2, consciousness: 'A', takenAt };
    expect(describeEvent(row('note', { observations }), stepOf))
      .toBe('Observations at 10:42: HR 160/min, BP 88 mmHg, SpO2 97%, on air, RR 26/min, temperature 37.2 °C, alert, NEWS2 9 (high).');
    expect(describeEvent(row('note', { observations: { ...observations, heartRate: '160<script>' } }), stepOf)).toBe('Note: ');
  });

  it('says what each tap on the CPR clock was, with its cycle, and refuses a malformed one', () => {
    expect(describeEvent(row('note', { cpr: 'rhythm-checked', cycle: 2 }), stepOf)).toBe('CPR: rhythm checked at the end of cycle 2, cycle 3 started');
    expect(describeEvent(row('note', { cpr: 'stopped', cycle: 4, reason: 'rosc' }), stepOf)).toBe('CPR clock stopped: signs of life (ROSC) (in cycle 4)');
    expect(describeEvent(row('note', { cpr: 'rhythm-checked<script>' }), stepOf)).toBe('Note: ');
  });
});
