// Problems are placed in the form's words, never as 0-based JSON paths.
import { describe, expect, it } from 'vitest';
import { validateSop } from '../../../src/engine';
import { locateProblem } from '../../../src/engine/authoring/problemLocation';
import { FIXTURE_TODAY, fixtureJson } from '../fixtures/loadFixture';

describe('locateProblem', () => {
  it('names role 9 by its number from one and the field as the form labels it', () => {
    const json = fixtureJson('triageSop');
    while (json.roles.length < 9) json.roles.push({ id: `extra-${json.roles.length}`, title: 'Extra', type: 'non-clinical' });
    json.roles[8].title = '';
    const found = validateSop(json, { today: FIXTURE_TODAY }).problems.find((p) => p.path === 'roles[8].title')!;
    expect(found).toBeDefined();
    expect(locateProblem(found, json)).toEqual({ where: 'Role 9: title', area: 'roles' });
  });

  it('names a step by its title and the option by its number, and links to the step', () => {
    const json = fixtureJson('triageSop');
    json.steps[2].options[1].next = 'nowhere';
    const found = validateSop(json, { today: FIXTURE_TODAY }).problems.find((p) => p.code === 'ref/step')!;
    const located = locateProblem(found, json);
    expect(located).toMatchObject({ stepId: 'assess', field: 'option 2: leads to', area: 'step' });
    expect(located.where).toBe(`Step “${json.steps[2].title}”: option 2: leads to`);
    expect(located.where).not.toMatch(/\[\d+\]/);
  });

  it('words document fields, SBAR parts and an untitled step', () => {
    expect(locateProblem({ path: 'reviewDue' }, {}).where).toBe('SOP details: Review due');
    const doc = { steps: [{ id: 'callReg', title: '' }] };
    expect(locateProblem({ path: 'steps[0].sbar.situation', stepId: 'callReg' }, doc).where).toBe('Step “callReg” (untitled): SBAR situation');
    expect(locateProblem({ path: 'references[0].url' }, {}).where).toBe('Reference 1: web address');
    expect(locateProblem({ path: '' }, {}).where).toBe('Whole SOP');
  });
});
