// Running a compiled SOP live: the worker's choices move it on, waits escalate
// by themselves, every transition is logged, and a reload mid-wait keeps the
// original deadline.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRun } from '../support/sopDriver';
import { fixtureDoc } from './fixtures/loadFixture';

const triage = fixtureDoc('triageSop');
const collapse = fixtureDoc('collapseSop');

afterEach(() => vi.useRealTimers());

describe('running an SOP', () => {
  it('routes an MRI episode out of the scanner first, then asks the question', () => {
    startRun(triage, { modality: 'mri' }).expectStep('leaveScanner').continue().expectStep('assess');
  });

  it('takes an unstable echo patient through safety actions and 999 to an emergency outcome', () => {
    const run = startRun(triage, { modality: 'echo' });
    run.expectStep('assess').choose('unstable').expectStep('safety')
      .tick('stayWithPatient').expectStep('safety').continue()
      .contact('dispatched').expectStep('handoverEd').contact('accepted')
      .expectOutcome('emergency').expectOutcome('emergencyOutcome');
    expect(run.context.outcome).toBe('emergencyOutcome');
    expect(run.context.ticks).toEqual({ safety: { stayWithPatient: true } });
    expect(run.context.contacts.map((c) => c.role)).toEqual(['ambulance-service', 'receiving-ed']);
  });

  it('ignores an option the current question does not have', () => {
    const run = startRun(triage, { modality: 'echo' });
    run.choose('nonsense').expectStep('assess').continue().expectStep('assess');
    expect(run.context.answers).toEqual([]);
  });

  it('escalates on its own when nobody calls back within the wait', () => {
    const run = startRun(triage, { modality: 'ct' });
    run.choose('stable').contact('noAnswer').expectStep('waitRegistrar');
    const deadline = run.context.deadline!;
    run.advance('9m').expectStep('waitRegistrar').advance('1m').expectStep('escalateConsultant');
    const expiry = run.recordsOfType('timer-expired');
    expect(expiry).toHaveLength(1);
    expect(expiry[0]!.at).toBe(deadline);
    expect(run.context.deadline).toBeNull();
    run.contact('advised').expectOutcome('same-day');
  });

  it('lets the worker end a wait early, and the timer then never fires', () => {
    const run = startRun(triage, { modality: 'echo' });
    run.choose('stable').contact('noAnswer').advance('3m').endWait('calledBack').expectStep('callRegistrar');
    run.advance('20m').expectStep('callRegistrar');
    expect(run.recordsOfType('timer-expired')).toHaveLength(0);
    expect(run.recordsOfType('wait-ended')[0]!.data).toMatchObject({ option: 'calledBack' });
  });

  it('emits one record per transition, stamped with the event time', () => {
    const run = startRun(triage, { modality: 'echo', startedAt: 1_000_000 });
    run.advance('30s').choose('stable').advance('1m').contact('accepted');
    expect(run.records.map((r) => `${r.type}:${r.stepId}@${r.at - 1_000_000}`)).toEqual([
      'step-entered:whichScanner@0',
      'step-entered:assess@0',
      'answered:assess@30000',
      'step-entered:callRegistrar@30000',
      'contact-attempt:callRegistrar@90000',
      'step-entered:sameDayOutcome@90000',
      'outcome-reached:sameDayOutcome@90000',
    ]);
    expect(run.records.every((r) => r.sopId === 'test-triage' && r.sopVersion === '1.2.0')).toBe(true);
    expect(run.recordsOfType('outcome-reached')[0]!.data).toMatchObject({ urgency: 'same-day' });
  });

  it('keeps repeating tasks as reminders, re-armed when done and dropped when unticked', () => {
    const run = startRun(triage, { modality: 'echo', startedAt: 0 });
    run.choose('unstable').tick('repeatObs');
    expect(run.context.reminders['safety.repeatObs']).toMatchObject({ everyMinutes: 15, dueAt: 15 * 60_000 });
    run.continue().advance('16m').reminderDone('safety.repeatObs');
    expect(run.context.reminders['safety.repeatObs']!.dueAt).toBe(31 * 60_000);
    expect(run.recordsOfType('reminder-done')).toHaveLength(1);
    run.reminderDone('safety.unknown');
    expect(run.recordsOfType('reminder-done')).toHaveLength(1);
  });

  it('drops a reminder when its item is unticked', () => {
    const run = startRun(triage, { modality: 'echo' });
    run.choose('unstable').tick('repeatObs').tick('repeatObs', false);
    expect(run.context.reminders).toEqual({});
    expect(run.context.ticks['safety']).toEqual({ repeatObs: false });
  });
});

describe('waits in a row', () => {
  it('measure the second wait from the first deadline, not from when the timer got round to firing', () => {
    const doc = structuredClone(triage);
    const wait = doc.steps.find((s) => s.id === 'waitRegistrar');
    if (wait?.kind !== 'wait') throw new Error('fixture changed');
    wait.onExpire = 'waitCallback';
    const run = startRun(doc, { modality: 'echo', startedAt: 0 });
    run.choose('stable').contact('noAnswer').advance('10m').expectStep('waitCallback');
    expect(run.context.deadline).toBe(20 * 60_000);
    run.advance('10m').expectStep('callConsultant');
    expect(run.recordsOfType('timer-expired').map((r) => [r.stepId, r.at])).toEqual([['waitRegistrar', 10 * 60_000], ['waitCallback', 20 * 60_000]]);
  });
});

describe('a reload in the middle of a wait', () => {
  it('fires the escalation at the ORIGINAL deadline, not ten minutes after the reload', () => {
    const run = startRun(triage, { modality: 'echo', startedAt: 0 });
    run.choose('stable').contact('noAnswer').expectStep('waitRegistrar');
    expect(run.context.deadline).toBe(10 * 60_000);
    run.advance('6m').reload().expectStep('waitRegistrar');
    run.advance('3m').expectStep('waitRegistrar');
    run.advance('1m').expectStep('escalateConsultant');
    expect(run.recordsOfType('timer-expired').map((r) => r.at)).toEqual([10 * 60_000]);
  });

  it('escalates at once, stamped with the old deadline, when the app comes back after it passed', () => {
    const run = startRun(triage, { modality: 'echo', startedAt: 0 });
    run.choose('stable').contact('noAnswer');
    const persisted = run.actor.getPersistedSnapshot();
    run.actor.stop();
    vi.setSystemTime(45 * 60_000);
    run.reloadFrom(persisted);
    run.advance(0).expectStep('escalateConsultant');
    expect(run.recordsOfType('timer-expired').map((r) => r.at)).toEqual([10 * 60_000]);
  });
});

describe('collapse', () => {
  it('enters the collapse pathway from any step and ends the episode in its outcome', () => {
    const run = startRun(triage, { modality: 'echo', collapse });
    run.choose('stable').contact('noAnswer').collapse();
    expect(run.step).toMatchObject({ stepId: 'checkBreathing', inCollapse: true });
    run.advance('20m');
    expect(run.recordsOfType('timer-expired')).toHaveLength(0);
    run.choose('no').tick('compressions').continue().contact('coming').contact('accepted');
    expect(run.snapshot.status).toBe('done');
    expect(run.step).toMatchObject({ stepId: 'handedOver', inCollapse: true });
    expect(run.context.outcome).toBe('collapse.handedOver');
    expect(run.context.ticks).toEqual({ 'collapse.startCpr': { compressions: true } });
    const entered = run.recordsOfType('collapse')[0]!;
    expect(entered).toMatchObject({ sopId: 'test-triage', stepId: 'waitRegistrar' });
    expect(run.records.at(-1)).toMatchObject({ type: 'outcome-reached', sopId: 'collapse', stepId: 'handedOver' });
  });

  it('ignores COLLAPSE when no collapse SOP was embedded, or when already in it', () => {
    startRun(triage, { modality: 'echo' }).collapse().expectStep('assess');
    const run = startRun(triage, { modality: 'echo', collapse }).collapse().choose('yes').collapse();
    run.expectStep('recoveryPosition');
    expect(run.recordsOfType('collapse')).toHaveLength(1);
  });
});
