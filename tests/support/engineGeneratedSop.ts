// A large, valid SOP built to order (for the engine benchmark and tests):
// a chain of blocks, each "question → actions → contact → wait → outcome",
// where only one option carries on, so the path count grows linearly.
import type { SopDocument } from '../../src/engine';

const cites = ['bench-ref'];

function block(i: number, last: boolean): Record<string, unknown>[] {
  const next = last ? 'finalOutcome' : `ask${i + 1}`;
  return [
    { id: `ask${i}`, kind: 'question', title: `Question ${i}`, cites, options: [
      { id: 'carryOn', label: 'Carry on', next },
      { id: 'stop', label: 'Stop here', next: `act${i}` },
      { id: 'notSure', label: 'Not sure', notSure: true, next: `act${i}` },
    ] },
    { id: `act${i}`, kind: 'actions', title: `Actions ${i}`, cites, items: [{ id: 'stay', text: 'Stay with the patient', repeatMinutes: 15 }], next: `call${i}` },
    { id: `call${i}`, kind: 'contact', title: `Call ${i}`, cites, role: 'registrar',
      sbar: { situation: 's', background: 'b', assessment: 'a', recommendation: 'r' },
      outcomes: [
        { id: 'accepted', label: 'Accepted', result: 'accepted', next: `out${i}` },
        { id: 'noAnswer', label: 'No answer', result: 'noAnswer', next: `wait${i}` },
      ] },
    { id: `wait${i}`, kind: 'wait', title: `Wait ${i}`, minutes: 10, onExpire: `out${i}`, endEarly: [{ id: 'calledBack', label: 'Called back', next: `out${i}` }] },
    { id: `out${i}`, kind: 'outcome', title: `Outcome ${i}`, cites, urgency: 'emergency', disposition: 'd; if no clinician could be reached, call 999', reportWording: 'r', document: ['x'] },
  ];
}

/** A valid SOP with 5 × blocks + 1 steps and 6 × blocks + 1 paths (as plain JSON). */
export function generateLargeSop(blocks: number): SopDocument {
  const steps = Array.from({ length: blocks }, (_, i) => block(i, i === blocks - 1)).flat();
  steps.push({ id: 'finalOutcome', kind: 'outcome', title: 'Routine', cites, urgency: 'routine', disposition: 'd', reportWording: 'r', document: ['x'] });
  return {
    format: 'cdc-sop/1', id: 'generated', title: 'Generated benchmark SOP', finding: 'none', modalities: ['echo'],
    version: '1.0.0', status: 'draft', reviewDue: '2099-01-01',
    roles: [{ id: 'registrar', title: 'Registrar', type: 'clinician' }],
    references: [{ id: 'bench-ref', title: 'Benchmark reference' }],
    start: 'ask0', steps,
  } as unknown as SopDocument;
}
