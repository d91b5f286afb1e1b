// The author's slips the schema cannot see: impossible dates, duplicate JSON
// keys, personal details in role notes, and wait wording left behind.
import { describe, expect, it } from 'vitest';
import { parseSopText, validateSop } from '../../../src/engine';
import { findDuplicateKeys } from '../../../src/engine/validate/duplicateKeys';
import { personalDetailIn } from '../../../src/engine/validate/authorRules';
import { FIXTURE_TODAY, fixtureJson } from '../fixtures/loadFixture';

const codes = (json: unknown) => validateSop(json, { today: FIXTURE_TODAY }).problems.map((p) => `${p.code} ${p.path}`);

describe('impossible dates', () => {
  it('refuses a review date of 30 February', () => {
    const json = fixtureJson('triageSop');
    json.reviewDue = '2027-02-30';
    const result = validateSop(json, { today: FIXTURE_TODAY });
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'schema/impossible-date', path: 'reviewDue', message: '2027-02-30 is not a day in the calendar' }));
  });

  it('refuses an impossible sign-off date and accepts 29 February in a leap year', () => {
    const json = fixtureJson('triageSop');
    json.status = 'approved';
    json.approval = { name: 'Lead', role: 'Consultant', date: '2026-04-31' };
    json.reviewDue = '2028-02-29';
    expect(codes(json)).toContain('schema/impossible-date approval.date');
    expect(codes(json)).not.toContain('schema/impossible-date reviewDue');
  });
});

describe('duplicate JSON keys', () => {
  it('are refused with the key and both lines', () => {
    const text = JSON.stringify(fixtureJson('triageSop'), null, 2).replace('"start": "whichScanner",', '"start": "whichScanner",\n  "start": "assess",');
    const result = parseSopText(text, { today: FIXTURE_TODAY });
    expect(result.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.includes('"start": "assess"')) + 1;
    expect(result.problems[0]).toMatchObject({ code: 'input/duplicate-key' });
    expect(result.problems[0]!.message).toContain(`the key "start" is written twice in the same object (line ${line - 1} and line ${line})`);
  });

  it('are found only within one object, whatever strings hold', () => {
    const text = '{\n "a": 1,\n "b": { "a": "x\\"y", "c": [ { "a": 1 }, { "a": 2 } ] },\n "s": "{\\"a\\": 1, \\"a\\": 2}",\n "b": 2\n}';
    expect(JSON.parse(text)).toBeTruthy();
    expect(findDuplicateKeys(text)).toEqual([{ key: 'b', line: 5, firstLine: 3 }]);
  });
});

describe('role notes', () => {
  it.each([
    ['Call 01632 960 123 out of hours', 'phone number'],
    ['bleep 4471 in the day', 'bleep'],
    ['Ask for Dr Patel', "person's name"],
    ['ask for Jane Smith on the ward', "person's name"],
  ])('flags "%s"', (note, word) => {
    expect(personalDetailIn(note)).toContain(word);
    const json = fixtureJson('triageSop');
    json.roles[0].note = note;
    expect(codes(json)).toContain('governance/personal-detail roles[0].note');
  });

  it.each(['Dial 999 and ask for an ambulance', 'The registrar on call for the network; available 08:00-20:00', 'Call NHS 111 if unsure'])('leaves "%s" alone', (note) => {
    expect(personalDetailIn(note)).toBeNull();
  });
});

describe('wait wording', () => {
  it('flags the title and the choice leading in when the minutes change', () => {
    const json = fixtureJson('triageSop');
    const wait = json.steps.findIndex((s: { id: string }) => s.id === 'waitRegistrar');
    const call = json.steps.findIndex((s: { id: string }) => s.id === 'callRegistrar');
    json.steps[call].outcomes[2].label = 'No answer: wait 10 min';
    expect(codes(json).filter((c) => c.startsWith('wording/'))).toEqual([]);
    json.steps[wait].minutes = 15;
    expect(codes(json).filter((c) => c.startsWith('wording/')).sort()).toEqual([
      `wording/wait-minutes steps[${call}].outcomes[2].label`,
      `wording/wait-minutes steps[${wait}].title`,
    ].sort());
  });

  it('does not take a cadence ("every 5 minutes") for the wait', () => {
    const json = fixtureJson('triageSop');
    const wait = json.steps.findIndex((s: { id: string }) => s.id === 'waitRegistrar');
    json.steps[wait].text = 'Observations every 5 minutes meanwhile.';
    expect(codes(json).filter((c) => c.startsWith('wording/'))).toEqual([]);
  });
});
