// A saved tap's reveal in the page (stageSlots.ts) must leave each slot as
// React's next draw of it will, and must only be tried when nothing but the
// step moved (useEpisodeView.ts): anything else is drawn by React at once.
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { revealInPage, slotAttributes, type SlotState } from '../../../src/features/runner/screen/stageSlots';
import { onlyTheStepMoved } from '../../../src/features/runner/screen/useEpisodeView';
import type { EpisodeView } from '../../../src/features/runner/episode/episodeView';

/** A stage as React draws it, slots in the given states. */
function drawnStage(slots: [key: string, state: SlotState][]): HTMLElement {
  const { container } = render(
    <div>
      {slots.map(([key, state]) => <div key={key} {...slotAttributes(state)} data-step-key={key} />)}
    </div>,
  );
  return container.firstElementChild as HTMLElement;
}

const standing = (stage: HTMLElement) =>
  [...stage.children].map((slot) => `${(slot as HTMLElement).dataset.stepKey}: ${slot.className} inert=${slot.hasAttribute('inert')} aria-hidden=${slot.getAttribute('aria-hidden')}`);

describe('revealInPage', () => {
  it('leaves each slot as React draws it in its new state: the ready one on show, the one on show as the step left', () => {
    const stage = drawnStage([['a', 'shown'], ['b', 'ready'], ['c', 'ready']]);
    expect(revealInPage(stage, 'b')).toBe(true);
    expect(standing(stage)).toEqual(standing(drawnStage([['a', 'left'], ['b', 'shown'], ['c', 'ready']])));
  });

  it('changes nothing unless the step has a ready slot and one slot is on show', () => {
    const cases: [SlotState[], string][] = [
      [['shown', 'ready'], 'z'], // no slot for the step
      [['shown', 'left'], 'b'], // the step's slot is the one just left, not a ready one
      [['ready', 'ready'], 'b'], // nothing on show
      [['shown', 'ready', 'shown'], 'b'], // two on show: not a stage React drew
    ];
    for (const [states, key] of cases) {
      const stage = drawnStage(states.map((state, index) => [String.fromCharCode(97 + index), state]));
      const before = standing(stage);
      expect(revealInPage(stage, key)).toBe(false);
      expect(standing(stage)).toEqual(before);
    }
    expect(revealInPage(null, 'a')).toBe(false);
  });
});

describe('onlyTheStepMoved', () => {
  const drawn = {
    episodeId: 'e1', doc: {}, collapse: undefined, snapshot: { s: 1 }, move: null, identity: {}, startedAt: 1,
    saving: true, storageError: null, canUndo: false, inCollapse: false, ended: null, durable: true,
    notice: null, localRef: null, ambulance: null, observations: null, cpr: [],
  } as unknown as EpisodeView;

  it('is true for a saved tap: a new snapshot, how it was reached, the write done, Back offered', () => {
    expect(onlyTheStepMoved(drawn, { ...drawn, snapshot: { s: 2 } as never, move: {} as never, saving: false, canUndo: true })).toBe(true);
  });

  it('is false with the step where it was, or with anything else about the episode changed', () => {
    expect(onlyTheStepMoved(drawn, { ...drawn, saving: false })).toBe(false);
    const others: Partial<EpisodeView>[] = [
      { storageError: 'The tablet is full' }, { ended: 'completed' }, { inCollapse: true }, { cpr: [] }, { notice: 'Not saved' },
      { localRef: 'R1' }, { ambulance: { kind: 'arrived', at: 2 } }, { observations: {} as never }, { doc: {} as never }, { identity: {} as never },
    ];
    for (const change of others) expect(onlyTheStepMoved(drawn, { ...drawn, snapshot: { s: 2 } as never, ...change })).toBe(false);
  });
});
