// Comparing two versions step by step, and the structural edits of a draft.
import { describe, expect, it } from 'vitest';
import { diffSops } from '../../../src/features/author/diff/diffSops';
import { addStep, reconnect, removeStep, renameStep } from '../../../src/features/author/editor/stepOps';
import { smallSop } from './authorFixtures';

describe('comparing versions', () => {
  it('lists added, removed and changed steps with the fields that changed', () => {
    const before = smallSop();
    const after = {
      ...before,
      title: 'Renamed SOP',
      steps: [
        ...before.steps.filter((s) => s.id !== 'wait0').map((s) => (s.id === 'ask0' ? { ...s, title: 'New question words' } : s)),
        { id: 'extra', kind: 'outcome' as const, title: 'Extra', urgency: 'routine' as const, disposition: 'd', reportWording: 'r', document: ['x'] },
      ],
    };
    const diff = diffSops(before, after);
    expect(diff.metadata).toEqual([{ field: 'title', before: 'Tiny test SOP', after: 'Renamed SOP' }]);
    const byId = Object.fromEntries(diff.steps.map((s) => [s.stepId, s]));
    expect(byId.ask0).toMatchObject({ change: 'changed', fields: [{ field: 'title', before: 'Question 0', after: 'New question words' }] });
    expect(byId.wait0?.change).toBe('removed');
    expect(byId.extra?.change).toBe('added');
    expect(byId.out0?.change).toBe('same');
  });
});

describe('editing the structure of a draft', () => {
  it('renames a step and every link to it, including the start', () => {
    const renamed = renameStep(smallSop(), 'ask0', 'firstQuestion');
    expect(renamed.start).toBe('firstQuestion');
    expect(renamed.steps[0]!.id).toBe('firstQuestion');
    expect(JSON.stringify(renamed)).not.toContain('"ask0"');
  });

  it('adds a step with a fresh id, reconnects a way out to it, and removes it again', () => {
    const added = addStep(smallSop(), 'outcome');
    expect(added.id).toBe('newStep');
    const linked = reconnect(added.doc, 'call0', 'outcomes[1].next', 'newStep');
    const call = linked.steps.find((s) => s.id === 'call0');
    expect(call?.kind === 'contact' && call.outcomes[1]!.next).toBe('newStep');
    expect(removeStep(linked, 'newStep').steps.some((s) => s.id === 'newStep')).toBe(false);
    expect(addStep(added.doc, 'question').id).toBe('newStep2');
  });
});
