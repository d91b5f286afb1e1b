// The schema part of validateSop: types, required fields, unknown keys and
// duplicate ids, each reported with a JSON path, the step id and plain words.
import { describe, expect, it } from 'vitest';
import { validateSop } from '../../../src/engine';
import { errorsOf, problemsOf, stepIn, triage } from '../fixtures/breakFixture';

describe('schema checks', () => {
  it('accepts the fixture with no errors', () => {
    expect(errorsOf(triage())).toEqual([]);
  });

  it('names a missing required field, with its path and step', () => {
    const json = triage();
    delete stepIn(json, 'assess').title;
    const [p] = problemsOf(json);
    expect(p).toMatchObject({ severity: 'error', path: 'steps[2].title', stepId: 'assess' });
    expect(p!.message).toBe('the required field "title" is missing');
  });

  it('rejects an unknown (misspelt) field', () => {
    const json = triage();
    stepIn(json, 'safety').nxet = 'callAmbulance';
    const problems = problemsOf(json);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'steps[3].nxet', stepId: 'safety' });
    expect(problems[0]!.message).toContain('unknown field "nxet"');
  });

  it('reports a wrong type in plain words', () => {
    const json = triage();
    stepIn(json, 'waitCallback').minutes = 'ten';
    const [p] = problemsOf(json);
    expect(p).toMatchObject({ path: 'steps[6].minutes', stepId: 'waitCallback' });
    expect(p!.message).toBe('"minutes" should be number, not "ten"');
  });

  it('reports an unknown step kind', () => {
    const json = triage();
    stepIn(json, 'assess').kind = 'poll';
    const [p] = problemsOf(json);
    expect(p).toMatchObject({ path: 'steps[2].kind', stepId: 'assess' });
    expect(p!.message).toContain('"kind" must be one of');
  });

  it('returns every problem at once, not just the first', () => {
    const json = triage();
    json.version = 'one';
    json.modalities = ['xray'];
    stepIn(json, 'assess').options[0].next = 42;
    delete stepIn(json, 'callAmbulance').sbar.assessment;
    const paths = problemsOf(json).map((p) => p.path).sort();
    expect(paths).toEqual(['modalities[0]', 'steps[2].options[0].next', 'steps[4].sbar.assessment', 'version']);
  });

  it('rejects links that are not web addresses (no javascript: URLs)', () => {
    const json = triage();
    json.references[0].url = 'javascript:alert(1)';
    expect(problemsOf(json).map((p) => `${p.path}: ${p.message}`)).toEqual(['references[0].url: must start with https:// or http://']);
  });

  it('explains a too-short text with the field name', () => {
    const json = triage();
    json.title = '';
    expect(problemsOf(json).map((p) => `${p.path}: ${p.message}`)).toEqual(['title: must not be empty']);
  });

  it('reports duplicate step, option, item, outcome, role and reference ids', () => {
    const json = triage();
    stepIn(json, 'routineOutcome').id = 'sameDayOutcome';
    stepIn(json, 'assess').options[1].id = 'unstable';
    stepIn(json, 'safety').items[1].id = 'stayWithPatient';
    stepIn(json, 'callRegistrar').outcomes[1].id = 'accepted';
    json.roles.push({ ...json.roles[0] });
    json.references.push({ ...json.references[0] });
    const dupes = problemsOf(json).filter((p) => p.code === 'schema/duplicate-id').map((p) => p.path).sort();
    expect(dupes).toEqual([
      'references[1].id', 'roles[4].id', 'steps[13].id', 'steps[2].options[1].id', 'steps[3].items[1].id', 'steps[8].outcomes[1].id',
    ]);
  });

  it('never includes a stack trace or throws, whatever the value', () => {
    for (const value of [undefined, null, 1, 'x', [], () => 1, Symbol('s'), new Date(0), { steps: 'many' }]) {
      const result = validateSop(value);
      expect(result.ok).toBe(false);
      for (const p of result.problems) expect(p.message).not.toMatch(/\n\s+at |Error:/);
    }
  });
});

describe('ids that JavaScript objects already use', () => {
  it('are refused for steps and for options', () => {
    const json = triage();
    stepIn(json, 'routineOutcome').id = 'toString';
    stepIn(json, 'callRegistrar').outcomes[1].next = 'toString';
    stepIn(json, 'assess').options[1].id = 'constructor';
    const messages = problemsOf(json).map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual([
      'steps[2].options[1].id: this id is a reserved word; choose another',
      'steps[8].outcomes[1].next: this id is a reserved word; choose another',
      'steps[13].id: this id is a reserved word; choose another',
    ]);
  });
});
