// Paths stream one at a time, can be asked for one urgency tier, and are
// counted exactly (a BigInt) without walking them when the SOP has no loop.
import { describe, expect, it } from 'vitest';
import { countPaths, enumeratePaths, URGENCIES, walkPaths } from '../../src/engine';
import { fixtureDoc } from './fixtures/loadFixture';
import { generateBranchingSop } from '../support/engineGeneratedSop';

describe('walkPaths and countPaths', () => {
  it('agree with the full enumeration on the fixture, tier by tier', () => {
    const doc = fixtureDoc('triageSop');
    const all = enumeratePaths(doc);
    const count = countPaths(doc);
    expect(count.exact).toBe(true);
    expect(count.total).toBe(BigInt(all.length));
    for (const urgency of URGENCIES) {
      const tier = [...walkPaths(doc, { urgency })];
      expect(tier.every((p) => p.urgency === urgency)).toBe(true);
      expect(BigInt(tier.length)).toBe(count.byUrgency[urgency]);
      expect(tier.map((p) => p.steps.map((s) => s.stepId).join())).toEqual(all.filter((p) => p.urgency === urgency).map((p) => p.steps.map((s) => s.stepId).join()));
    }
  });

  it('counts the astronomically many paths of a 5,000-step branching SOP exactly and gives the first of every tier at once', () => {
    const doc = generateBranchingSop(5000);
    const count = countPaths(doc);
    expect(count.exact).toBe(true);
    expect(count.total).toBe(URGENCIES.reduce((sum, u) => sum + count.byUrgency[u], 0n));
    expect(count.total > 9n ** 800n).toBe(true);
    expect(count.byUrgency.routine > 9n ** 800n).toBe(true);
    for (const urgency of URGENCIES) {
      const first = walkPaths(doc, { urgency }).next();
      expect(first.done).toBe(false);
      expect(first.value!.urgency).toBe(urgency);
    }
  });
});
