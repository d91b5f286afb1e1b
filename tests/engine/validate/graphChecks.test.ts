// Graph checks: references point at steps, every step is reachable, nothing
// leads nowhere, and no loop traps the worker.
import { describe, expect, it } from 'vitest';
import { errorsOf, problemsOf, stepIn, triage } from '../fixtures/breakFixture';

describe('graph checks', () => {
  it('finds a next that points at no step', () => {
    const json = triage();
    stepIn(json, 'assess').options[1].next = 'callRegsitrar';
    const broken = problemsOf(json).find((p) => p.code === 'ref/step');
    expect(broken).toMatchObject({ path: 'steps[2].options[1].next', stepId: 'assess' });
    expect(broken!.message).toBe('leads to "callRegsitrar", but there is no step with that id');
  });

  it('finds a missing start step', () => {
    const json = triage();
    json.start = 'nowhere';
    expect(errorsOf(json)).toContain('ref/start@');
  });

  it('finds a step that can never be reached', () => {
    const json = triage();
    stepIn(json, 'callRegistrar').outcomes[1].next = 'sameDayOutcome';
    expect(errorsOf(json)).toEqual(['graph/unreachable@routineOutcome']);
  });

  it('finds a dead end', () => {
    const json = triage();
    json.modalities = ['echo'];
    stepIn(json, 'whichScanner').routes = {};
    expect(errorsOf(json)).toEqual(expect.arrayContaining(['graph/dead-end@whichScanner', 'modality/missing-route@whichScanner']));
  });

  it('finds a loop that cannot be left', () => {
    const json = triage();
    const wait = stepIn(json, 'waitRegistrar');
    wait.onExpire = 'callRegistrar';
    const call = stepIn(json, 'callRegistrar');
    call.outcomes = call.outcomes.filter((o: { id: string }) => o.id === 'noAnswer');
    call.outcomes.push({ id: 'busy', label: 'Busy', result: 'declined', next: 'waitRegistrar' });
    const errors = errorsOf(json);
    expect(errors).toEqual(expect.arrayContaining(['graph/no-way-out@callRegistrar', 'graph/no-way-out@waitRegistrar']));
    expect(errors.filter((e) => e.startsWith('graph/no-way-out'))).toHaveLength(2);
  });

  it('accepts a loop that can be left', () => {
    expect(errorsOf(triage())).toEqual([]);
  });

  it('finds a cited reference and a role that do not exist', () => {
    const json = triage();
    stepIn(json, 'assess').cites = ['esc-2024'];
    stepIn(json, 'safety').items[0].cites = ['rcuk-als', 'nice-ng185'];
    stepIn(json, 'callRegistrar').role = 'cardiology-reg';
    const problems = problemsOf(json);
    expect(problems.filter((p) => p.code === 'ref/cite').map((p) => p.path)).toEqual(['steps[2].cites[0]', 'steps[3].items[0].cites[1]']);
    expect(problems.find((p) => p.code === 'ref/role')).toMatchObject({ path: 'steps[8].role', stepId: 'callRegistrar' });
  });

  it('keeps the app\'s own state names free', () => {
    const json = triage();
    stepIn(json, 'routineOutcome').id = 'collapse';
    stepIn(json, 'callRegistrar').outcomes[1].next = 'collapse';
    expect(errorsOf(json)).toEqual(['schema/reserved-id@collapse']);
  });
});

describe('step-kind checks', () => {
  it('needs exactly one "not sure" option per question', () => {
    const none = triage();
    delete stepIn(none, 'assess').options[2].notSure;
    expect(errorsOf(none)).toEqual(['question/not-sure@assess']);
    const two = triage();
    stepIn(two, 'assess').options[1].notSure = true;
    expect(errorsOf(two)).toEqual(['question/not-sure@assess']);
  });

  it('needs a modality step to route every modality of the SOP', () => {
    const json = triage();
    delete stepIn(json, 'whichScanner').routes.ct;
    expect(errorsOf(json)).toEqual(['modality/missing-route@whichScanner']);
  });

  it('warns about a route or an item for a modality the SOP does not list', () => {
    const json = triage();
    json.modalities = ['echo', 'ct'];
    const warnings = problemsOf(json).filter((p) => p.severity === 'warning').map((p) => p.code);
    expect(warnings).toEqual(expect.arrayContaining(['modality/unused-route', 'actions/modality']));
  });
});
