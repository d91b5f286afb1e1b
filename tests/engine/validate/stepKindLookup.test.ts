// The step schema looks a step's kind up directly instead of letting valibot's
// variant try every kind; it must answer exactly as the plain variant does,
// for valid steps, broken steps and things that are not steps at all.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { stepSchema } from '../../../src/engine';
import { stepSchemas } from '../../../src/engine/steps/registry';
import { fixtureJson } from '../fixtures/loadFixture';

const plainVariant = v.variant('kind', stepSchemas);
const everyStep = (): Array<Record<string, any>> => [...fixtureJson('triageSop').steps, ...fixtureJson('collapseSop').steps];

function brokenCopies(step: Record<string, any>): unknown[] {
  const copy = () => structuredClone(step);
  return [
    Object.assign(copy(), { kind: 'poll' }),
    Object.assign(copy(), { kind: 'toString' }),
    Object.assign(copy(), { kind: null }),
    Object.assign(copy(), { kind: ['question'] }),
    Object.assign(copy(), { kind: step.kind === 'outcome' ? 'question' : 'outcome' }),
    Object.assign(copy(), { title: '' }),
    Object.assign(copy(), { surprise: true }),
    (() => { const c = copy(); delete c.kind; return c; })(),
    (() => { const c = copy(); delete c.id; return c; })(),
  ];
}

const notSteps: unknown[] = [null, undefined, 'question', 7, [], Object.assign([], { kind: 'wait' }), { kind: 'question' }, {}];

describe('looking up a step by its kind', () => {
  it('gives the same output and issues as the plain variant for every valid step', () => {
    const steps = everyStep();
    expect(steps.length).toBeGreaterThan(10);
    for (const step of steps) {
      const fast = v.safeParse(stepSchema, step, { abortEarly: false });
      expect(fast.success).toBe(true);
      expect(fast).toEqual(v.safeParse(plainVariant, step, { abortEarly: false }));
    }
  });

  it('gives the same issues as the plain variant for broken steps and non-steps', () => {
    const inputs = [...everyStep().flatMap(brokenCopies), ...notSteps];
    for (const input of inputs) {
      const fast = v.safeParse(stepSchema, input, { abortEarly: false });
      const plain = v.safeParse(plainVariant, input, { abortEarly: false });
      expect(fast.success).toBe(false);
      expect(fast.issues).toEqual(plain.issues);
    }
  });
});
