// A tap's next step is revealed as it was made ready: before the paint only
// the slot's frame changes, never the screen inside it (its drawing, and the
// removal of the step just left, wait until after the paint). What a screen
// made ready could show wrong is drawn afresh instead: times counted from the
// tap (a wait's countdown, the outcome's timeline), and anything saved after
// the screen was made ready (observations in the hand-over).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { createElement, type ComponentType } from 'react';
import { eventually, holdFrames, onShow, openSop, settle, stopRunnerClock, useRunnerClock } from './runnerDriver';
import { setEpisodeActive } from '../../../src/shared/activity';
import type { StepScreenProps } from '../../../src/features/runner/steps/stepScreen';

// Every drawing of a step screen, by step title: the registry hands out counting wrappers (one per screen).
const drawn: string[] = [];
vi.mock('../../../src/features/runner/steps/registry', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/features/runner/steps/registry')>();
  const counting = new Map<unknown, ComponentType<StepScreenProps>>();
  return {
    ...actual,
    screenFor(step: Parameters<typeof actual.screenFor>[0]) {
      const Screen = actual.screenFor(step) as ComponentType<StepScreenProps> | null;
      if (!Screen) return null;
      if (!counting.has(Screen)) {
        counting.set(Screen, (props: StepScreenProps) => {
          drawn.push(props.current.step.title);
          return createElement(Screen, props);
        });
      }
      return counting.get(Screen);
    },
  };
});

beforeEach(() => {
  useRunnerClock();
  drawn.length = 0;
});
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

type Run = Awaited<ReturnType<typeof openSop>>;

/** The user reads the step for `ms`: the runner has an idle moment to get the next screens ready. */
async function readTheStep(ms = 1000) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

const readyTitles = () => [...document.querySelectorAll('[inert] h1')].map((heading) => heading.textContent);

async function madeReady(title: string) {
  await eventually(() => expect(readyTitles()).toContain(title));
}

/** Walks Fast AF to the registrar's call. */
async function toTheCall(run: Run) {
  await run.choose('Yes');
  await run.continue();
  run.expectStep('Call the on-call cardiology registrar');
}

describe('revealing the next step', () => {
  it('shows the screen made ready without drawing it again before the paint, then draws it from the saved step', async () => {
    const run = await openSop('Fast AF');
    await readTheStep();
    await madeReady('Keep the patient safe while you call');
    const frames = holdFrames();
    drawn.length = 0;
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    await run.choose('Yes');
    run.expectStep('Keep the patient safe while you call');
    // Before the paint: nothing drawn, nothing inside any screen changed (only
    // the frames of the screen revealed and of the step left: redrawing a
    // checklist would re-set its checkboxes' attributes), and the step just
    // left is hidden rather than removed.
    changes.push(...observer.takeRecords());
    observer.disconnect();
    const slotOf = (change: MutationRecord) => (change.target instanceof Element ? change.target : change.target.parentElement)?.closest('.runner-stage__slot');
    expect(changes.filter((change) => slotOf(change) === change.target).length).toBeGreaterThan(0);
    const inside = changes.filter((change) => slotOf(change) && slotOf(change) !== change.target);
    expect(inside.map((change) => `${change.type} ${change.attributeName ?? ''} on ${(change.target as Element).outerHTML?.slice(0, 60) ?? change.target.textContent}`)).toEqual([]);
    expect(drawn).toEqual([]);
    expect(readyTitles()).toContain('Any adverse features?');
    expect(onShow('h1').map((heading) => heading.textContent)).toEqual(['Keep the patient safe while you call']);
    await frames.release();
    // After it: drawn once from the saved step, and the step just left is gone.
    expect(drawn.filter((title) => title === 'Keep the patient safe while you call')).toHaveLength(1);
    await eventually(() => expect(document.querySelectorAll('h1')).not.toContain(screen.queryByText('Any adverse features?')));
    expect((await run.logTypes()).filter((type) => type === 'answered')).toHaveLength(1);
  });

  it('a wait counts down from the tap, however long ago its screen was made ready', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await toTheCall(run);
    await readTheStep();
    await madeReady('Wait for a call back');
    // Reading on for half a minute after the screen was made ready.
    await readTheStep(30_000);
    const frames = holdFrames();
    await run.noAnswer();
    run.expectStep('Wait for a call back');
    expect(onShow('.runner-countdown__figure [aria-hidden]')[0]).toHaveTextContent('10:00');
    await frames.release();
  });

  it('the outcome gives the time of the tap that reached it, not of when it was made ready', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await toTheCall(run);
    await readTheStep();
    await madeReady('Emergency transfer arranged');
    // Reading on for half a minute after the screen was made ready.
    await readTheStep(30_000);
    const frames = holdFrames();
    const tappedAt = new Date();
    await run.choose('Reached: accepted');
    run.expectStep('Emergency transfer arranged');
    const clock = (at: Date) => [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
    const timeline = onShow('ol li').map((line) => line.textContent ?? '');
    expect(timeline.find((line) => line.includes('Call the on-call cardiology registrar'))).toContain(clock(tappedAt));
    await frames.release();
  });

  it('observations saved after the next screen was made ready are in its hand-over as it shows', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await readTheStep();
    await madeReady('Call the on-call cardiology registrar');
    await run.user.click(await screen.findByRole('button', { name: 'Observations and NEWS2 (optional)' }));
    await run.user.type(screen.getByLabelText(/^Heart rate \(/), '160');
    await run.user.click(screen.getByRole('button', { name: 'Save observations' }));
    await eventually(() => screen.getByText('Observations saved to the log and added to the hand-over.'));
    const frames = holdFrames();
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
    expect(onShow('.runner-step').map((step) => step.textContent).join(' ')).toMatch(/HR 160\/min/);
    await frames.release();
  });
});
