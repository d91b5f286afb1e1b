// Model test: the paths the compiled machine can actually take (found by
// xstate/graph traversal) are exactly the paths the document describes.
import { describe, expect, it } from 'vitest';
import { enumeratePaths, MODALITIES, type SopDocument, type SopPath } from '../../src/engine';
import { machinePaths } from '../../src/engine/graphPaths';
import { fixtureDoc } from './fixtures/loadFixture';
import exampleSop from '../../docs/examples/example-sop.json';
import { validateSop } from '../../src/engine';

const key = (p: SopPath) => `${p.modality}|${p.steps.map((s) => `${s.stepId}:${s.via}`).join('>')}|${p.outcome}|${p.urgency}`;

function expectSamePaths(doc: SopDocument) {
  for (const modality of doc.modalities) {
    const fromDocument = enumeratePaths(doc, { modality }).map(key).sort();
    const fromMachine = machinePaths(doc, modality).map(key).sort();
    expect(fromDocument.length).toBeGreaterThan(0);
    expect(fromMachine).toEqual(fromDocument);
  }
}

describe('the compiled machine takes exactly the paths of the document', () => {
  it('for the triage fixture, in every modality', () => {
    expectSamePaths(fixtureDoc('triageSop'));
  });

  it('for the collapse fixture', () => {
    expectSamePaths(fixtureDoc('collapseSop'));
  });

  it('for the example in the format docs', () => {
    const result = validateSop(exampleSop, { today: '2026-01-01' });
    expect(result.ok).toBe(true);
    expectSamePaths(result.doc!);
  });

  it('finds the same paths with getSimplePaths as with the linear traversal', () => {
    const doc = fixtureDoc('triageSop');
    const simple = machinePaths(doc, 'ct', { traversal: 'simple' }).map(key).sort();
    expect(simple.length).toBeGreaterThan(10);
    expect(simple).toEqual(machinePaths(doc, 'ct').map(key).sort());
  });

  it('would notice a machine path the document does not have', () => {
    const doc = fixtureDoc('triageSop');
    const fromDocument = new Set(enumeratePaths(doc, { modality: 'mri' }).map(key));
    const echoOnly = machinePaths(doc, 'echo').map((p) => key({ ...p, modality: 'mri' }));
    expect(echoOnly.some((k) => !fromDocument.has(k))).toBe(true);
  });
});

describe('enumeratePaths', () => {
  it('goes round a loop at most once', () => {
    const doc = fixtureDoc('triageSop');
    const paths = enumeratePaths(doc, { modality: 'echo' });
    const looping = paths.filter((p) => p.steps.filter((s) => s.stepId === 'callRegistrar').length > 1);
    expect(looping.length).toBeGreaterThan(0);
    for (const p of paths) {
      const edges = p.steps.map((s) => `${s.stepId}:${s.via}`);
      expect(new Set(edges).size).toBe(edges.length);
    }
  });

  it('branches once per modality route when no modality is given', () => {
    const doc = fixtureDoc('triageSop');
    const all = enumeratePaths(doc);
    for (const m of MODALITIES) {
      expect(all.filter((p) => p.modality === m).length).toBe(enumeratePaths(doc, { modality: m }).length);
    }
    expect(all.every((p) => p.steps[0]!.via === p.modality)).toBe(true);
  });

  it('lists the outcome and urgency of each path', () => {
    const doc = fixtureDoc('triageSop');
    const paths = enumeratePaths(doc, { modality: 'echo' });
    expect(new Set(paths.map((p) => `${p.outcome}:${p.urgency}`))).toEqual(
      new Set(['emergencyOutcome:emergency', 'sameDayOutcome:same-day', 'routineOutcome:routine']),
    );
    expect(paths.every((p) => p.steps.at(-1)!.stepId === p.outcome)).toBe(true);
  });

  it('stops at maxPaths', () => {
    expect(enumeratePaths(fixtureDoc('triageSop'), { maxPaths: 5 })).toHaveLength(5);
  });

  it('finds the only path of a one-step SOP', () => {
    const doc = { ...fixtureDoc('triageSop'), start: 'routineOutcome' };
    expect(enumeratePaths(doc).map((p) => p.steps)).toEqual([[{ stepId: 'routineOutcome', via: null }]]);
  });
});
