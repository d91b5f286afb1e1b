// The position statement's five rules, each with a document that breaks it
// and the fixture that keeps it.
import { describe, expect, it } from 'vitest';
import { errorsOf, problemsOf, stepIn, triage, warningsOf } from '../fixtures/breakFixture';

describe('rule 1: no report-only escalation', () => {
  it('fails when a same-day outcome can be reached without contacting a clinician', () => {
    const json = triage();
    stepIn(json, 'assess').options[1].next = 'sameDayOutcome';
    stepIn(json, 'callRegistrar').outcomes[0].next = 'routineOutcome';
    const rule1 = problemsOf(json).filter((p) => p.code === 'rule1/report-only');
    expect(rule1).toHaveLength(1);
    expect(rule1[0]).toMatchObject({ stepId: 'sameDayOutcome', path: 'steps[12]' });
    expect(rule1[0]!.message).toContain('whichScanner → assess → sameDayOutcome');
  });

  it('does not count an ambulance call as speaking to a clinician', () => {
    const json = triage();
    stepIn(json, 'callAmbulance').outcomes.forEach((o: { next: string }) => { o.next = 'emergencyOutcome'; });
    expect(errorsOf(json)).toContain('rule1/report-only@emergencyOutcome');
  });

  it('lets a routine outcome be reached by a report alone', () => {
    const json = triage();
    stepIn(json, 'assess').options[1].next = 'routineOutcome';
    stepIn(json, 'callRegistrar').outcomes[1].next = 'routineOutcome';
    expect(errorsOf(json).filter((e) => e.startsWith('rule1'))).toEqual([]);
  });

  it('passes when every emergency and same-day path contacts a clinician or receiving team', () => {
    expect(errorsOf(triage()).filter((e) => e.startsWith('rule1'))).toEqual([]);
  });
});

describe('rule 2: no blanket 999', () => {
  it('fails when a path calls the ambulance without handing over to the receiving team or cardiology', () => {
    const json = triage();
    stepIn(json, 'callAmbulance').outcomes[0].next = 'routineOutcome';
    const rule2 = problemsOf(json).filter((p) => p.code === 'rule2/blanket-999');
    expect(rule2).toHaveLength(1);
    expect(rule2[0]!.stepId).toBe('callAmbulance');
    expect(rule2[0]!.message).toContain('callAmbulance → routineOutcome');
  });

  it('passes when the hand-over comes before the ambulance call', () => {
    const json = triage();
    // registrar first, then 999, then straight to an outcome
    stepIn(json, 'escalateConsultant').outcomes[1].next = 'callAmbulance';
    stepIn(json, 'assess').options[0].next = 'callRegistrar';
    stepIn(json, 'assess').options[2].next = 'callRegistrar';
    stepIn(json, 'callRegistrar').outcomes[0].next = 'safety';
    stepIn(json, 'callAmbulance').outcomes[0].next = 'emergencyOutcome';
    expect(errorsOf(json).filter((e) => e.startsWith('rule2'))).toEqual([]);
  });

  it('passes for the fixture, where 999 is always followed by the ED hand-over', () => {
    expect(errorsOf(triage()).filter((e) => e.startsWith('rule2'))).toEqual([]);
  });
});

describe('rule 3: every contact has a way on when nobody answers', () => {
  it('fails for a contact with no "noAnswer" outcome', () => {
    const json = triage();
    stepIn(json, 'callRegistrar').outcomes[2].result = 'declined';
    const rule3 = problemsOf(json).find((p) => p.code === 'rule3/no-answer');
    expect(rule3).toMatchObject({ stepId: 'callRegistrar', path: 'steps[8].outcomes' });
  });

  it('passes when every contact has one', () => {
    expect(errorsOf(triage()).filter((e) => e.startsWith('rule3'))).toEqual([]);
  });
});

describe('rule 4: every emergency path keeps the patient safe while waiting', () => {
  it('fails when an emergency outcome can be reached without an actions step', () => {
    const json = triage();
    stepIn(json, 'assess').options[0].next = 'callAmbulance';
    const rule4 = problemsOf(json).filter((p) => p.code === 'rule4/no-safety-actions');
    expect(rule4.map((p) => p.stepId)).toEqual(['emergencyOutcome']);
    expect(rule4[0]!.message).toContain('assess → callAmbulance');
  });

  it('passes when every emergency path has one', () => {
    expect(errorsOf(triage()).filter((e) => e.startsWith('rule4'))).toEqual([]);
  });
});

describe('rule 5: references and review date', () => {
  it('fails without references', () => {
    const json = triage();
    json.references = [];
    for (const s of json.steps) delete s.cites;
    expect(errorsOf(json)).toEqual(['rule5/no-references@']);
  });

  it('warns, but still accepts, when the review date has passed', () => {
    const json = triage();
    json.reviewDue = '2026-11-26';
    expect(errorsOf(json, '2026-11-27')).toEqual([]);
    expect(warningsOf(json, '2026-11-27')).toContain('rule5/review-overdue@');
    expect(warningsOf(json, '2026-11-26')).not.toContain('rule5/review-overdue@');
  });

  it('requires a review date', () => {
    const json = triage();
    delete json.reviewDue;
    expect(problemsOf(json).map((p) => p.path)).toEqual(['reviewDue']);
  });
});

describe('governance', () => {
  it('gives a shipped template exactly one warning', () => {
    expect(problemsOf(triage())).toEqual([
      { severity: 'warning', code: 'governance/template', path: 'status', message: 'template: needs local sign-off before clinical use' },
    ]);
  });

  it('needs the approval when approved, and then gives no warning at all', () => {
    const json = triage();
    json.status = 'approved';
    expect(errorsOf(json)).toEqual(['governance/approval-missing@']);
    json.approval = { name: 'Clinical lead', role: 'Cardiology network lead', date: '2026-10-01' };
    expect(problemsOf(json)).toEqual([]);
  });

  it('warns about a clinical step that cites nothing', () => {
    const json = triage();
    delete stepIn(json, 'callRegistrar').cites;
    expect(warningsOf(json)).toContain('governance/uncited@callRegistrar');
  });
});
