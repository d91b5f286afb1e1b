// @vitest-environment node
// The emergency call comes before any long checklist: in every shipped SOP,
// the answer that decides a patient needs emergency care leads straight to a
// contact step (999, the arrest call, or the doctor on site), and what to do
// while waiting comes after the call, never before it.
import { describe, expect, it } from 'vitest';
import type { SopDocument } from '../../src/engine';
import { builtInSops, collapseSop } from '../../src/sops';
import { floorFrom, stepOf } from './sopFacts';

const everySop: readonly SopDocument[] = [...builtInSops, collapseSop];

/** Options whose answer is what makes the episode an emergency: every way on from them ends in an emergency, but not every way on from their question does. */
function emergencyAnswers(doc: SopDocument) {
  const found: Array<{ question: string; option: string; next: string }> = [];
  for (const step of doc.steps) {
    if (step.kind !== 'question') continue;
    if (floorFrom(doc, step.id) === 'emergency') continue;
    for (const option of step.options) {
      if (floorFrom(doc, option.next) === 'emergency') found.push({ question: step.id, option: option.id, next: option.next });
    }
  }
  return found;
}

describe.each(everySop.map((d) => [d.id, d] as const))('%s', (_id, doc) => {
  it('has at least one answer that makes the episode an emergency', () => {
    expect(emergencyAnswers(doc).length).toBeGreaterThan(0);
  });

  it('shows the call as the first screen after every emergency answer', () => {
    for (const { question, option, next } of emergencyAnswers(doc)) {
      expect(stepOf(doc, next).kind, `${question}: "${option}" leads to ${next}`).toBe('contact');
    }
  });
});
