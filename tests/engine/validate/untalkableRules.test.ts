// Position-statement rules an author cannot talk past: hostile documents (in
// the style of testers H2 and H3) that declare a 999 line or the referring GP
// as a clinician, loop a "no answer" straight back to the same call, or reach
// a same-day outcome when every clinician went unanswered.
import { describe, expect, it } from 'vitest';
import { validateSop } from '../../../src/engine';
import { readRoleType } from '../../../src/engine';
import { FIXTURE_TODAY } from '../fixtures/loadFixture';
import { errorsOf, problemsOf, stepIn, triage, type Json } from '../fixtures/breakFixture';

const roleIn = (json: Json, id: string): Json => (json.roles as Json[]).find((r) => r.id === id)!;

describe('999, 111, 112 and ambulance lines are ambulance lines whatever the document says (H2)', () => {
  it('refuses a 999 line typed "clinician" and still finds the report-only path it was meant to hide', () => {
    const json = triage();
    roleIn(json, 'ambulance-service').type = 'clinician';
    stepIn(json, 'callAmbulance').outcomes.forEach((o: Json) => { o.next = 'emergencyOutcome'; });
    const errors = errorsOf(json);
    expect(errors).toContain('rule1/report-only@emergencyOutcome');
    const typed = problemsOf(json).find((p) => p.code === 'roles/type');
    expect(typed).toMatchObject({ path: 'roles[2].type' });
    expect(typed!.message).toContain('treated as an ambulance line');
  });

  it('reads 111 and 112 in a role\'s title or id, and the directory\'s number, as ambulance lines', () => {
    expect(readRoleType({ id: 'advice-line', title: 'NHS 111', type: 'clinician' }).type).toBe('ambulance');
    expect(readRoleType({ id: 'line-112', title: 'Emergency', type: 'receiving-team' }).type).toBe('ambulance');
    expect(readRoleType({ id: 'duty-doctor', title: 'Duty doctor', type: 'clinician' }).type).toBe('clinician');
    expect(readRoleType({ id: 'duty-doctor', title: 'Duty doctor', type: 'clinician' }, ' 9 9 9 ').type).toBe('ambulance');
    expect(readRoleType({ id: 'duty-doctor', title: 'Duty doctor', type: 'clinician' }, '0113 999 1234').type).toBe('clinician');
  });

  it('refuses a role the local directory fills with 999 when the SOP says it is a clinician', () => {
    const json = triage();
    roleIn(json, 'imaging-consultant').title = 'Duty doctor';
    const withDirectory = validateSop(json, { today: FIXTURE_TODAY, directoryPhones: { 'imaging-consultant': '999' } });
    expect(withDirectory.problems.filter((p) => p.code === 'roles/type').map((p) => p.message)).toEqual([
      expect.stringContaining('the local directory gives it the number 999'),
    ]);
    expect(validateSop(json, { today: FIXTURE_TODAY }).problems.filter((p) => p.code === 'roles/type')).toEqual([]);
  });
});

describe('the referrer or GP is never "a clinician reached the same day" (H3)', () => {
  it('refuses a GP typed "clinician" and finds the same-day outcome reached through the GP alone', () => {
    const json = triage();
    json.roles.push({ id: 'gp-surgery', title: 'Patient\'s GP surgery', type: 'clinician' });
    stepIn(json, 'callRegistrar').role = 'gp-surgery';
    stepIn(json, 'escalateConsultant').outcomes[0].next = 'routineOutcome';
    stepIn(json, 'waitRegistrar').onExpire = 'routineOutcome';
    const errors = errorsOf(json);
    expect(errors).toContain('rule1/report-only@sameDayOutcome');
    expect(problemsOf(json).find((p) => p.code === 'roles/type')?.message).toContain('declare it "referrer"');
  });

  it('does not count a role declared "referrer" as a clinician, whatever its title says', () => {
    const json = triage();
    json.roles.push({ id: 'referring-team', title: 'Referring team', type: 'referrer' });
    stepIn(json, 'callRegistrar').role = 'referring-team';
    stepIn(json, 'escalateConsultant').outcomes[0].next = 'routineOutcome';
    stepIn(json, 'waitRegistrar').onExpire = 'routineOutcome';
    const errors = errorsOf(json);
    expect(errors).toContain('rule1/report-only@sameDayOutcome');
    expect(errors.filter((e) => e.startsWith('roles/type'))).toEqual([]);
  });
});

describe('a "no answer" may not lead straight back to the same call', () => {
  it('refuses no answer pointing at its own contact', () => {
    const json = triage();
    stepIn(json, 'callRegistrar').outcomes[2].next = 'callRegistrar';
    const loop = problemsOf(json).filter((p) => p.code === 'rule3/no-answer-loop');
    expect(loop).toHaveLength(1);
    expect(loop[0]).toMatchObject({ stepId: 'callRegistrar', path: 'steps[8].outcomes[2].next' });
  });

  it('refuses the loop through a question that sends the worker back to the same call', () => {
    const json = triage();
    stepIn(json, 'callRegistrar').outcomes[2].next = 'assess';
    expect(errorsOf(json)).toContain('rule3/no-answer-loop@callRegistrar');
  });

  it('lets no answer come back to the call after a wait (the fixture waits for a call back)', () => {
    expect(errorsOf(triage()).filter((e) => e.startsWith('rule3'))).toEqual([]);
  });
});

describe('when every clinician goes unanswered, an emergency or same-day outcome must still escalate or say so', () => {
  it('refuses a same-day outcome reached when both clinicians went unanswered, with no escalation', () => {
    const json = triage();
    stepIn(json, 'escalateConsultant').outcomes[1].next = 'sameDayOutcome';
    // The answered paths keep rule 1 (a clinician was called): only the unanswered check catches this.
    expect(errorsOf(json).filter((e) => e.startsWith('rule1/report-only'))).toEqual([]);
    const unanswered = problemsOf(json).filter((p) => p.code === 'rule1/unanswered-path');
    expect(unanswered.map((p) => p.stepId)).toEqual(['sameDayOutcome']);
    expect(unanswered[0]!.message).toContain('callRegistrar → waitRegistrar → escalateConsultant → sameDayOutcome');
  });

  it('accepts the same outcome when it says that no clinician could be reached', () => {
    const json = triage();
    stepIn(json, 'escalateConsultant').outcomes[1].next = 'sameDayOutcome';
    stepIn(json, 'sameDayOutcome').disposition = 'If no clinician could be reached, send the patient to the ED today with a letter.';
    expect(errorsOf(json).filter((e) => e.startsWith('rule1'))).toEqual([]);
  });

  it('refuses an emergency outcome reached when every clinician went unanswered and nobody escalated', () => {
    const json = triage();
    stepIn(json, 'assess').options[0].next = 'handoverEd';
    stepIn(json, 'assess').options[2].next = 'handoverEd';
    stepIn(json, 'callAmbulance').outcomes.forEach((o: Json) => { o.next = 'routineOutcome'; });
    stepIn(json, 'handoverEd').outcomes[1].next = 'safety2';
    json.steps.push({ id: 'safety2', kind: 'actions', title: 'Stay with the patient', items: [{ id: 'stay', text: 'Stay with the patient' }], next: 'emergencyOutcome' });
    const errors = errorsOf(json);
    expect(errors).toContain('rule1/unanswered-path@emergencyOutcome');
  });

  it('passes the fixture: unanswered paths go through the ambulance call', () => {
    expect(errorsOf(triage()).filter((e) => e.startsWith('rule1'))).toEqual([]);
  });
});
