// @vitest-environment node
// The shipped SOP library: every document passes the checker with nothing but
// the template warning, carries the governance fields a local network needs
// to sign it off, names roles (never people or numbers) consistently across
// documents, and gives every question one "not sure" that leads the safer way.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_WARNING, validateSop, type SopDocument } from '../../src/engine';
import { builtInSops, collapseSop } from '../../src/sops';
import { floorFrom, rank, textsOf } from './sopFacts';

const everySop: readonly SopDocument[] = [...builtInSops, collapseSop];
const TODAY = '2026-11-27';

/**
 * The version each shipped template is at. Every content change bumps it, so an
 * episode's log says which wording and which tiers the worker saw; 0.2.0 is the
 * clinical safety revision (issue 18: call first, one question one thing, stroke
 * check, transport, new pathways at 0.1.0).
 */
const VERSIONS: Record<string, string> = {
  'fast-af': '0.2.0',
  'aortic-syndrome': '0.2.0',
  'severe-lv-dysfunction': '0.2.0',
  'severe-valve-disease': '0.2.0',
  'heart-block': '0.2.0',
  'cardiac-mass': '0.2.0',
  'pericardial-effusion': '0.2.0',
  endocarditis: '0.2.0',
  'contrast-reaction': '0.2.0',
  'rate-control-drug-reaction': '0.2.0',
  'deteriorating-patient': '0.2.0',
  collapse: '0.2.0',
  'chest-pain': '0.1.0',
  'contrast-extravasation': '0.1.0',
  'mri-safety-incident': '0.1.0',
  'stress-echo-complication': '0.1.0',
  'pulmonary-embolism': '0.1.0',
  hypoglycaemia: '0.1.0',
  seizure: '0.1.0',
};

const SHORT_TITLES: Record<string, string> = {
  'fast-af': 'Fast AF',
  'aortic-syndrome': 'Aortic dissection?',
  'severe-lv-dysfunction': 'Severe LV impairment',
  'severe-valve-disease': 'Severe valve disease',
  'heart-block': 'Heart block',
  'cardiac-mass': 'Mass or thrombus',
  'pericardial-effusion': 'Pericardial effusion',
  endocarditis: 'Endocarditis?',
  'contrast-reaction': 'Contrast reaction',
  'rate-control-drug-reaction': 'Slow or low after rate control',
  'deteriorating-patient': 'Deteriorating patient',
  'chest-pain': 'Chest pain (ACS?)',
  'contrast-extravasation': 'Contrast leaked into the arm',
  'mri-safety-incident': 'MRI safety incident',
  'stress-echo-complication': 'Stress echo complication',
  'pulmonary-embolism': 'PE or RV strain',
  hypoglycaemia: 'Low blood glucose',
  seizure: 'Seizure (fit)',
};

describe('the SOP library', () => {
  it('ships the eight mandated findings, then the extra list problems and pathways, in that order', () => {
    expect(builtInSops.map((d) => d.id)).toEqual(Object.keys(SHORT_TITLES));
    expect(builtInSops.map((d) => d.shortTitle)).toEqual(Object.values(SHORT_TITLES));
    expect(collapseSop.id).toBe('collapse');
  });

  it('has one JSON file per document, named after its id', () => {
    const files = readdirSync(resolve('src/sops')).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(everySop.map((d) => `${d.id}.json`).sort());
    for (const doc of everySop) {
      const onDisk = JSON.parse(readFileSync(resolve('src/sops', `${doc.id}.json`), 'utf8')) as unknown;
      expect(onDisk).toEqual(doc);
    }
  });
});

describe.each(everySop.map((d) => [d.id, d] as const))('%s', (_id, doc) => {
  it('passes the checker with no errors and only the template warning', () => {
    const result = validateSop(doc, { today: TODAY });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([TEMPLATE_WARNING]);
    expect(result.ok).toBe(true);
  });

  it('is a template with a version, a review date a year ahead and a local sign-off note', () => {
    expect(doc.status).toBe('template');
    expect(doc.approval ?? null).toBeNull();
    expect(doc.version).toBe(VERSIONS[doc.id]);
    expect(doc.reviewDue).toBe('2027-11-30');
    expect(doc.localAdaptation).toMatch(/signed off by the local cardiac network before clinical use/);
  });

  it('cites a listed reference on every clinical step and checklist item that cites', () => {
    const known = new Set(doc.references.map((r) => r.id));
    for (const step of doc.steps) {
      if (step.kind === 'wait' || step.kind === 'modality') continue;
      expect(step.cites?.length, `${step.id} cites`).toBeGreaterThan(0);
      for (const id of step.cites ?? []) expect(known.has(id), `${step.id} cites ${id}`).toBe(true);
    }
  });

  it('uses every reference it lists, and says which still need checking', () => {
    const cited = new Set(doc.steps.flatMap((s) => [
      ...('cites' in s ? s.cites ?? [] : []),
      ...(s.kind === 'actions' ? s.items.flatMap((i) => i.cites ?? []) : []),
    ]));
    for (const ref of doc.references) {
      expect(cited.has(ref.id), `${ref.id} is listed but never cited`).toBe(true);
      expect(ref.url, `${ref.id} url`).toMatch(/^https?:\/\//);
      expect(ref.year, `${ref.id} year`).toBeGreaterThan(2000);
    }
  });

  it('holds no phone numbers, e-mail addresses or personal names', () => {
    for (const { at, text } of textsOf(doc)) {
      if (at.endsWith('.url')) continue;
      expect(text, at).not.toMatch(/\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\+44|\b\d{5,}\b/);
      expect(text, at).not.toMatch(/[\w.]+@[\w.]+\.\w+/);
      expect(text, at).not.toMatch(/\b(Dr|Mr|Mrs|Ms|Miss|Prof)\.? [A-Z][a-z]+/);
    }
  });

  it('gives every question exactly one "not sure", leading away from the least urgent answer', () => {
    for (const step of doc.steps) {
      if (step.kind !== 'question') continue;
      const notSure = step.options.filter((o) => o.notSure === true);
      expect(notSure, step.id).toHaveLength(1);
      const floors = step.options.filter((o) => o.notSure !== true).map((o) => rank(floorFrom(doc, o.next)));
      const notSureFloor = rank(floorFrom(doc, notSure[0]!.next));
      // It mirrors a real answer and, where the answers lead to different tiers, never the least urgent one.
      expect(step.options.filter((o) => o.notSure !== true).map((o) => o.next), `${step.id}: "not sure" leads where no answer leads`).toContain(notSure[0]!.next);
      if (new Set(floors).size > 1) {
        expect(notSureFloor, `${step.id}: "not sure" leads the least urgent way`).toBeLessThan(Math.max(...floors));
      }
    }
  });

  it('gives every outcome report wording to complete and an AoMRC-style record: who, when, how, and read-back after a call', () => {
    for (const step of doc.steps) {
      if (step.kind !== 'outcome') continue;
      expect(step.reportWording, step.id).toMatch(/___/);
      const record = step.document.join(' | ');
      expect(record, step.id).toMatch(/Who you told|Who the report went to/);
      expect(record, step.id).toMatch(/\bwhen\b|When:/i);
      expect(record, step.id).toMatch(/\bhow\b|How:/i);
      if (step.urgency === 'emergency' || step.urgency === 'same-day') expect(record, step.id).toMatch(/Read-back/);
    }
  });

  it('shows modality-only checklist items only for modalities it serves', () => {
    for (const step of doc.steps) {
      if (step.kind !== 'actions') continue;
      for (const item of step.items) for (const m of item.modalities ?? []) expect(doc.modalities).toContain(m);
    }
  });
});

describe('the collapse pathway', () => {
  it('never tells the worker to press "Patient collapsed", which does nothing once inside it', () => {
    const steps = collapseSop.steps.map((s) => JSON.stringify(s));
    for (const step of steps) expect(step).not.toMatch(/press \\"Patient collapsed/);
  });

  it('is not in the Escalate list of finding SOPs', () => {
    expect(builtInSops.map((d) => d.id)).not.toContain(collapseSop.id);
  });
});

describe('roles and references across the library', () => {
  it('gives each role id the same title and type in every document, so the directory fills it once', () => {
    const seen = new Map<string, string>();
    for (const doc of everySop) {
      for (const role of doc.roles) {
        const signature = `${role.title}|${role.type}`;
        expect(seen.get(role.id) ?? signature, `${doc.id} ${role.id}`).toBe(signature);
        seen.set(role.id, signature);
      }
    }
    expect(seen.get('cardiology-registrar')).toBe('On-call cardiology registrar|clinician');
    expect(seen.get('aortic-centre')?.endsWith('|receiving-team')).toBe(true);
    expect(seen.get('resuscitation')?.endsWith('|resuscitation')).toBe(true);
  });

  it('gives each reference id the same title and address in every document', () => {
    const seen = new Map<string, string>();
    for (const doc of everySop) {
      for (const ref of doc.references) {
        const signature = `${ref.title}|${ref.url}`;
        expect(seen.get(ref.id) ?? signature, `${doc.id} ${ref.id}`).toBe(signature);
        seen.set(ref.id, signature);
      }
    }
  });

  it('flags the Resuscitation Council 2021 references as superseded by the 2025 guidelines', () => {
    for (const doc of everySop) {
      for (const ref of doc.references.filter((r) => r.publisher === 'Resuscitation Council UK' && r.year === 2021 && r.id !== 'rcuk-anaphylaxis-2021')) {
        expect(ref.note, `${doc.id} ${ref.id}`).toMatch(/2025/);
      }
    }
  });
});
