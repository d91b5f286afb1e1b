// @vitest-environment node
// Clinical tests: each written vignette, answered step by step through the
// compiled SOP machine, lands on the tier a clinician expects; every SOP has
// a vignette for every tier it sorts into; README.md shows exactly this.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enumeratePaths, type SopDocument } from '../../src/engine';
import { builtInSops, collapseSop } from '../../src/sops';
import { renderVignetteReadme } from './vignetteReadme';
import { vignettes } from './vignettes';
import { walkVignette } from './walkVignette';

const everySop: readonly SopDocument[] = [...builtInSops, collapseSop];
const sopById = new Map(everySop.map((d) => [d.id, d]));

describe.each(vignettes.map((v) => [`${v.sop}: ${v.title}`, v] as const))('%s', (_name, vignette) => {
  it(`lands on ${vignette.expectedTier}`, () => {
    const doc = sopById.get(vignette.sop);
    expect(doc, `no SOP ${vignette.sop}`).toBeDefined();
    expect(doc!.modalities).toContain(vignette.modality);
    const walk = walkVignette(vignette, doc!);
    expect(walk.outcome.urgency).toBe(vignette.expectedTier);
  });
});

describe('vignette coverage', () => {
  it.each(everySop.map((d) => [d.id, d] as const))('%s has at least three vignettes and one for every tier it can reach', (_id, doc) => {
    const own = vignettes.filter((v) => v.sop === doc.id);
    expect(own.length).toBeGreaterThanOrEqual(3);
    const reachable = new Set(enumeratePaths(doc).map((p) => p.urgency));
    expect(new Set(own.map((v) => v.expectedTier))).toEqual(reachable);
  });

  it('tells each case in two to four sentences, as a clinician would read it', () => {
    for (const v of vignettes) {
      const sentences = v.text.match(/[.!?](?=\s|$)/g)?.length ?? 0;
      expect(sentences, v.title).toBeGreaterThanOrEqual(2);
      expect(sentences, v.title).toBeLessThanOrEqual(4);
    }
  });

  it('every emergency and same-day vignette speaks to a clinician or receiving team on the way', () => {
    for (const v of vignettes.filter((x) => x.expectedTier === 'emergency' || x.expectedTier === 'same-day')) {
      const doc = sopById.get(v.sop)!;
      const walk = walkVignette(v, doc);
      const contacted = walk.steps.some((s) => {
        const step = doc.steps.find((d) => d.id === s.stepId);
        const type = step?.kind === 'contact' ? doc.roles.find((r) => r.id === step.role)?.type : undefined;
        return type === 'clinician' || type === 'receiving-team';
      });
      expect(contacted, v.title).toBe(true);
    }
  });

  it('catches a vignette answered the wrong way', () => {
    const shock = vignettes.find((v) => v.sop === 'fast-af' && v.expectedTier === 'emergency')!;
    const misread = { ...shock, answers: ['yes', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'known', 'no', 'no', 'no'] };
    expect(walkVignette(misread, sopById.get('fast-af')!).outcome.urgency).not.toBe('emergency');
    expect(() => walkVignette({ ...shock, answers: ['yes', 'maybe'] }, sopById.get('fast-af')!)).toThrow(/no option "maybe"/);
    expect(() => walkVignette({ ...shock, answers: ['yes', 'yes', 'yes'] }, sopById.get('fast-af')!)).toThrow(/left over/);
  });
});

describe('README.md for clinical reviewers', () => {
  it('is in sync with the vignettes and the SOPs', () => {
    const onDisk = readFileSync(resolve('tests/clinical/README.md'), 'utf8');
    expect(onDisk).toBe(renderVignetteReadme(vignettes, everySop));
  });
});
