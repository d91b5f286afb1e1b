// The Escalate search finds what a worker types mid-scan: abbreviations, lay
// words and specific findings, one test per synonym family, run against the
// SOPs that exist (new SOPs are found by the words they use).
import { describe, expect, it } from 'vitest';
import { builtInSops, collapseSop } from '../../../src/sops';
import { listingOf, matchesSearch } from '../../../src/features/runner/list/sopListing';
import { SYNONYM_FAMILIES, holdsTerm } from '../../../src/features/runner/list/findingSearch';

// Search reads only the words, never the urgency.
const listings = [...builtInSops, collapseSop].map((doc) => listingOf(doc, null));
const found = (query: string) => listings.filter((listing) => matchesSearch(listing, query)).map((listing) => listing.sopId);
const familyNamed = (name: string) => SYNONYM_FAMILIES.find((family) => family.name === name)!;

/** Each typed phrase of the family finds `sopId` (and, being one family, the same SOPs as the others). */
function expectFamilyFinds(name: string, typed: string[], sopId: string) {
  const family = familyNamed(name);
  expect(family, name).toBeDefined();
  const first = found(typed[0]!);
  for (const phrase of typed) {
    expect(family.typed, `${phrase} is in the family's data`).toContain(phrase.toLowerCase());
    expect(found(phrase), phrase).toContain(sopId);
    expect(found(phrase.toUpperCase()), `${phrase} in capitals`).toEqual(found(phrase));
  }
  expect(first.length).toBeGreaterThan(0);
}

describe('search synonyms', () => {
  it('heart block: CHB, 2:1, Mobitz, third degree', () => {
    expectFamilyFinds('heart block', ['chb', '2:1', 'mobitz', 'third degree', 'complete heart block'], 'heart-block');
    expect(found('CHB')).not.toContain('fast-af');
  });

  it('cardiac mass: LA mass, myxoma, tumor', () => {
    expectFamilyFinds('cardiac mass', ['la mass', 'myxoma', 'tumor'], 'cardiac-mass');
    // A mass is not a pulmonary embolism: only the mass SOP.
    expect(found('LA mass')).toEqual(['cardiac-mass']);
  });

  it('cardiac thrombus: apical thrombus, LV thrombus, clot', () => {
    expectFamilyFinds('cardiac thrombus', ['apical thrombus', 'lv thrombus', 'clot'], 'cardiac-mass');
    // A clot may be in transit to the lungs: the PE SOP is offered too.
    expect(found('clot')).toEqual(expect.arrayContaining(['cardiac-mass', 'pulmonary-embolism']));
  });

  it('aorta: Marfan, aortic root, aneurysm', () => {
    expectFamilyFinds('aorta', ['marfan', "marfan's", 'aortic root'], 'aortic-syndrome');
    expect(found('Marfan')).not.toContain('severe-valve-disease');
  });

  it('collapse: syncope, faint, passed out', () => {
    expectFamilyFinds('collapse, faint and syncope', ['syncope', 'faint', 'fainted', 'passed out'], 'collapse');
  });

  it('fast heart rate: SVT, tachycardia, palpitations', () => {
    expectFamilyFinds('fast heart rate', ['svt', 'supraventricular tachycardia', 'palpitations'], 'fast-af');
  });

  it('low blood pressure: hypotension, low BP', () => {
    expectFamilyFinds('low blood pressure', ['hypotension', 'hypotensive', 'low bp'], 'rate-control-drug-reaction');
  });

  it('chest pain: chest pain, angina, ACS', () => {
    expectFamilyFinds('chest pain', ['chest pain', 'angina', 'acs'], 'deteriorating-patient');
  });

  it('stroke or new weakness: stroke, weakness, facial droop', () => {
    expectFamilyFinds('stroke or new weakness', ['stroke', 'weakness', 'facial droop'], 'deteriorating-patient');
  });

  it('extravasation: extravasation, tissued', () => {
    expectFamilyFinds('extravasation', ['extravasation', 'tissued', 'contrast leak'], 'contrast-reaction');
  });

  it('valve abbreviations: AR, AS, MR find valve disease, as whole words only', () => {
    expectFamilyFinds('valve abbreviations', ['ar', 'as', 'mr'], 'severe-valve-disease');
    // "ar" is inside "heart", "cardiac", "rapid ventricular rate": none of those SOPs is found by it.
    expect(found('AR')).toEqual(['severe-valve-disease']);
  });

  it('short words the data does not know match whole words only', () => {
    expect(holdsTerm('fast af with a rate over 110', 'af')).toBe(true);
    expect(holdsTerm('cardiac mass', 'ar')).toBe(false);
    expect(holdsTerm('rate over 1100', '110')).toBe(false);
    expect(found('LV')).toContain('severe-lv-dysfunction');
    expect(found('LV')).not.toContain('severe-valve-disease');
    expect(found('ea')).toEqual([]);
  });

  it('keeps plain searches working: every word typed, at the start of a word', () => {
    expect(found('rapid VENTRICULAR')).toEqual(['fast-af']);
    expect(found('pericard')).toEqual(['pericardial-effusion']);
    expect(found('fast dissection')).toEqual([]);
    expect(found('   ')).toHaveLength(listings.length);
  });

  it('every family finds an SOP that exists today, and no family word is typed in two families', () => {
    for (const family of SYNONYM_FAMILIES) {
      for (const phrase of family.typed) expect(found(phrase).length, `${family.name}: ${phrase}`).toBeGreaterThan(0);
    }
    const typed = SYNONYM_FAMILIES.flatMap((family) => family.typed);
    expect(new Set(typed).size).toBe(typed.length);
  });
});
