// A saved tap may reveal the screen made ready for it as it was made, before
// React draws it again from the saved episode (StepStage's revealer), but only
// for step kinds whose screen, made ready out of sight, draws nothing from the
// tap's time (`drawnBeforeTheTap`). Held here for every bundled SOP, on every
// scan type, in and out of the collapse pathway: each step one tap ahead is
// drawn out of sight as made ready (the tap predicted at one time) and as the
// saved tap leads to it (the same tap a minute and a second later), and the
// two must be the same page.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { builtInSops, collapseSop } from '../../../src/sops';
import { MODALITIES, type SopDocument, type SopSnapshot, type Step } from '../../../src/engine';
import { createRunModel, firstStep, nextStep, stepsAhead, type RunModel, type StepAhead } from '../../../src/features/runner/episode/runModel';
import type { EpisodeView } from '../../../src/features/runner/episode/episodeView';
import { drawnBeforeTheTap, screenFor } from '../../../src/features/runner/steps/registry';
import { StepShownContext } from '../../../src/features/runner/steps/stepShown';

const STARTED_AT = Date.UTC(2026, 11, 7, 9, 58, 12);
/** The saved tap came this long after the moment its screen was made ready: a new minute and second on any clock shown. */
const READ_FOR_MS = 61_013;
const MAX_STATES = 300;

function viewOf(model: RunModel, snapshot: SopSnapshot): EpisodeView {
  return {
    episodeId: 'e1', doc: model.doc, collapse: model.collapse, snapshot, move: null,
    identity: { site: 'CDC North', modality: model.input.modality, operatorRole: 'Cardiac physiologist' },
    startedAt: STARTED_AT, saving: false, storageError: null, canUndo: true, inCollapse: false, ended: null,
    durable: true, notice: null, localRef: null, ambulance: null, observations: null, cpr: [],
  };
}

/** The screen as drawn out of sight at `now` (made ready then, or the saved tap's screen before React draws it on show). */
function page(model: RunModel, ahead: StepAhead, now: number, shown = false): string {
  const Screen = screenFor(ahead.current.step)!;
  vi.setSystemTime(now);
  return renderToStaticMarkup(
    <StepShownContext.Provider value={shown}>
      <Screen step={ahead.current.step as never} current={ahead.current} stepKey={ahead.key} view={viewOf(model, ahead.snapshot)} send={() => undefined} finish={() => undefined} />
    </StepShownContext.Provider>,
  );
}

/** Every step one tap ahead of the states reached from the start (and from a collapse there), each drawn as made ready and as saved. */
function compareAhead(doc: SopDocument, modality: (typeof MODALITIES)[number], compare: (step: Step) => boolean = drawnBeforeTheTap, shown = false) {
  const model = createRunModel(doc, doc.id === collapseSop.id ? undefined : collapseSop, { modality, startedAt: STARTED_AT });
  const start = firstStep(model).snapshot;
  const queue: { snapshot: SopSnapshot; at: number }[] = [{ snapshot: start, at: STARTED_AT + 30_000 }];
  if (model.collapse) queue.push({ snapshot: nextStep(model, start, { type: 'COLLAPSE', at: STARTED_AT + 5_000 }).snapshot, at: STARTED_AT + 30_000 });
  const seen = new Set<string>();
  const compared: { key: string; kind: string; same: boolean }[] = [];
  while (queue.length > 0 && seen.size < MAX_STATES) {
    const { snapshot, at } = queue.shift()!;
    const predicted = stepsAhead(model, snapshot, at);
    const saved = stepsAhead(model, snapshot, at + READ_FOR_MS);
    for (const ahead of predicted) {
      const live = saved.find((candidate) => candidate.key === ahead.key)!;
      if (compare(ahead.current.step)) compared.push({ key: ahead.key, kind: ahead.current.step.kind, same: page(model, ahead, at, shown) === page(model, live, at + READ_FOR_MS, shown) });
      const state = `${ahead.key} ${JSON.stringify(live.snapshot.context.answers ?? null)}`;
      if (!seen.has(state)) {
        seen.add(state);
        queue.push({ snapshot: live.snapshot, at: at + 10 * 60_000 });
      }
    }
  }
  return compared;
}

describe('screens made ready before the tap', () => {
  // A screen is made ready, and the saved tap's screen drawn, each at its own moment.
  beforeAll(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterAll(() => vi.useRealTimers());

  it('are the screens the saved tap shows, for every kind revealed as made, in every bundled SOP', () => {
    const differ: string[] = [];
    const kinds = new Set<string>();
    let count = 0;
    for (const doc of [...builtInSops, collapseSop]) {
      for (const modality of MODALITIES) {
        for (const { key, kind, same } of compareAhead(doc, modality)) {
          count += 1;
          kinds.add(kind);
          if (!same) differ.push(`${doc.id} (${modality}): ${key}`);
        }
      }
    }
    expect(differ).toEqual([]);
    // Every kind revealed as made was drawn, many times over.
    expect([...kinds].sort()).toEqual(['actions', 'contact', 'outcome', 'question']);
    expect(count).toBeGreaterThan(200);
  });

  it('can tell a screen that draws the tap\'s time: the outcome, on show', () => {
    const fastAf = builtInSops.find((doc) => doc.id === 'fast-af')!;
    const differOnShow = new Set(compareAhead(fastAf, 'echo', () => true, true).filter(({ same }) => !same).map(({ kind }) => kind));
    expect([...differOnShow]).toEqual(['outcome']);
  });
});
