// @vitest-environment node
// Each scan type reads its own words (issue 18): on a CT or MRI episode no step the worker
// can reach speaks echo-only language (transthoracic echo, echo-free space, probe views,
// Doppler...), and on MRI every way to an emergency outcome passes a step that says to bring
// the patient out of the bore and the scanner room (MHRA MRI safety: no resuscitation or
// MR-unsafe kit in the magnet room). Checked over every shipped SOP's graph, per scan type.
import { describe, expect, it } from 'vitest';
import { stepKindOf, type Modality, type SopDocument } from '../../src/engine';
import { builtInSops, collapseSop } from '../../src/sops';

const everySop: readonly SopDocument[] = [...builtInSops, collapseSop];
type Step = SopDocument['steps'][number];

/** Words that only make sense while holding an ultrasound probe. */
export const ECHO_ONLY =
  /\b(trans-?thoracic|TTE|echo-?free|echo window|probe|apical|parasternal|subcostal|doppler|sonographer|on (the )?echo|echo (shows|showed|image|images|views?))\b/i;

/** A spoken instruction to get the patient out of the MRI bore / scanner room. */
export const BRING_OUT = /\b(bring|move|take|get)\b.{0,40}\bout of the (bore|scanner)/i;

/** The step as the worker sees it on this scan type: parts limited to other scan types dropped; references and ids left out. */
function shownText(value: unknown, modality: Modality): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => shownText(v, modality)).join('\n');
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.modalities) && !record.modalities.includes(modality)) return '';
  return Object.entries(record)
    .filter(([key]) => !['id', 'next', 'cites', 'role', 'modalities', 'kind', 'routes', 'onExpire', 'urgency', 'result'].includes(key))
    .map(([, v]) => shownText(v, modality))
    .join('\n');
}

function reachable(doc: SopDocument, modality: Modality, stopAt: (step: Step) => boolean = () => false): Step[] {
  const byId = new Map(doc.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const found: Step[] = [];
  const stack = [doc.start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const step = byId.get(id);
    if (!step) continue;
    found.push(step);
    if (stopAt(step)) continue;
    for (const way of stepKindOf(step).successors(step as never)) {
      if (way.modality === undefined || way.modality === modality) stack.push(way.target);
    }
  }
  return found;
}

const withMri = everySop.filter((doc) => doc.modalities.includes('mri'));

describe('echo-only words appear only where an echo episode can go', () => {
  it.each(everySop.map((d) => [d.id, d] as const))('%s', (_id, doc) => {
    const offenders = (['ct', 'mri'] as const)
      .filter((m) => doc.modalities.includes(m))
      .flatMap((m) => reachable(doc, m).flatMap((step) => {
        const hit = ECHO_ONLY.exec(shownText(step, m));
        return hit ? [`${m}: ${step.id} says "${hit[0]}"`] : [];
      }));
    expect(offenders).toEqual([]);
  });

  it('the vocabulary check itself catches echo wording', () => {
    expect(ECHO_ONLY.test('Measure the echo-free space')).toBe(true);
    expect(ECHO_ONLY.test('transthoracic echo cannot exclude it')).toBe(true);
    expect(ECHO_ONLY.test('Effusion over 20 mm')).toBe(false);
  });
});

describe('MRI: every way to an emergency outcome says when to bring the patient out of the bore', () => {
  it.each(withMri.map((d) => [d.id, d] as const))('%s', (_id, doc) => {
    // Walk MRI paths, stopping at any step that gives the instruction: no emergency outcome may be reached without one.
    const saysBringOut = (step: Step) => BRING_OUT.test(shownText(step, 'mri'));
    const unguarded = reachable(doc, 'mri', saysBringOut)
      .filter((step) => step.kind === 'outcome' && step.urgency === 'emergency' && !saysBringOut(step))
      .map((step) => step.id);
    expect(unguarded).toEqual([]);
  });
});
