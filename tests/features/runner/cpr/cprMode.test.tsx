// CPR mode in a collapse episode, driven as a physiologist would: the
// emergency call comes first and the CPR clock only after it; single taps
// start cycles, log swaps and stop the clock; Space, Enter and Page Down (a
// foot switch) start the next cycle; the prompts come due as banners and the
// alarm rings at the end of each cycle; adrenaline only where the local pathway
// gives it; and a reload mid-cycle carries on from the stored times.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { setEpisodeActive } from '../../../../src/shared/activity';
import { putSetting } from '../../../../src/db/config';
import { collapseSop } from '../../../../src/sops';
import { eventually, openEscalate, settle, stopRunnerClock, useRunnerClock } from '../runnerDriver';

const START_CLOCK = 'CPR has started: start the CPR clock';
const NEW_CYCLE = 'Rhythm checked / new cycle';

beforeEach(() => useRunnerClock());
afterEach(async () => {
  stopRunnerClock();
  setEpisodeActive(false);
  await putSetting('cprAdrenaline', { given: false });
});

const offer = () => screen.queryByRole('button', { name: START_CLOCK });
const panel = () => screen.getByRole('region', { name: 'CPR clock' });
const figure = () => panel().querySelector('.runner-cpr__figure')?.textContent;
const since = () => panel().querySelector('.runner-cpr__since-figure')?.textContent;
const cycleLabel = () => panel().querySelector('.runner-cpr__cycle .runner-cpr__label')?.textContent;
const dueNow = () => within(panel()).queryByRole('list', { name: 'Due now' });
const dueTexts = () => [...(dueNow()?.querySelectorAll('li') ?? [])].map((li) => li.textContent);
const spoken = () => panel().querySelector('[aria-live="polite"]')?.textContent;

/** The test collapse SOP from the list, through the arrest call, to its CPR step with the clock started. */
async function cprStarted(options: Parameters<typeof openEscalate>[0] = {}) {
  const run = await openEscalate(options);
  await eventually(() => screen.getByRole('button', { name: /^Fast AF/ }));
  await run.collapse();
  await eventually(() => run.expectStep('Call the arrest team now'));
  await run.choose('Team coming');
  run.expectStep('Start CPR and get the defibrillator');
  await run.user.click(screen.getByRole('button', { name: START_CLOCK }));
  await settle();
  await eventually(() => expect(screen.getByRole('heading', { level: 1, name: 'CPR clock' })).toHaveFocus());
  return run;
}

async function cprNotes(run: Awaited<ReturnType<typeof openEscalate>>) {
  await run.logTypes();
  return (await run.db.events.toArray()).sort((a, b) => a.seq - b.seq).filter((row) => row.type === 'note' && row.data.cpr !== undefined).map((row) => row.data);
}

describe('the call for help is the first action', () => {
  it('the shipped collapse SOP: no CPR clock on the breathing question or the call, offered once the call is made', async () => {
    const run = await openEscalate({ collapse: collapseSop });
    await eventually(() => screen.getByRole('button', { name: /^Fast AF/ }));
    await run.collapse();
    await eventually(() => run.expectStep('Is the patient breathing normally?'));
    expect(offer()).toBeNull();
    await run.choose('No, or only gasping');
    run.expectStep('Call the emergency number now');
    expect(offer()).toBeNull();
    expect(screen.queryByRole('region', { name: 'CPR clock' })).toBeNull();
    await run.choose('Team or ambulance on its way');
    run.expectStep('Start CPR now');
    expect(offer()).toBeInTheDocument();
  });

  it('a patient who came round is not offered the CPR clock', async () => {
    const run = await openEscalate({ collapse: collapseSop });
    await eventually(() => screen.getByRole('button', { name: /^Fast AF/ }));
    await run.collapse();
    await eventually(() => run.expectStep('Is the patient breathing normally?'));
    await run.choose('Responding and breathing normally now');
    run.expectStep('Position them safely and check');
    expect(offer()).toBeNull();
  });
});

describe('single taps', () => {
  it('counts down the cycle, prompts the rhythm check and the swap with the alarm, and each tap is logged', async () => {
    const run = await cprStarted();
    // The clock takes the step's place, and says where it is.
    expect(screen.queryByRole('heading', { level: 1, name: 'Start CPR and get the defibrillator' })).toBeNull();
    expect(cycleLabel()).toBe('Cycle 1: time left');
    expect(figure()).toBe('02:00');
    expect(within(panel()).queryByRole('button', { name: 'Adrenaline given' })).toBeNull();
    await run.advance('60s');
    expect(figure()).toBe('01:00');
    await run.advance('45s');
    expect(within(panel()).getByText(/^Get ready: rhythm check in 00:15/)).toBeInTheDocument();
    expect(run.alarmTexts()).toEqual([]);
    await run.advance('15s');
    expect(dueTexts()).toEqual(['Rhythm check — pause compressions < 10 s', 'Swap compressor']);
    expect(cycleLabel()).toBe('Cycle 1 is over by');
    expect(run.alarmTexts()).toEqual([expect.stringContaining('Rhythm check due: CPR cycle 1 is over')]);

    await run.user.click(screen.getByRole('button', { name: 'Compressor swapped' }));
    expect(dueTexts()).toEqual(['Rhythm check — pause compressions < 10 s']);
    expect(within(panel()).getByText(/^Compressor swaps: 1, the last at/)).toBeInTheDocument();
    await run.user.click(screen.getByRole('button', { name: NEW_CYCLE }));
    await settle();
    expect(cycleLabel()).toBe('Cycle 2: time left');
    expect(figure()).toBe('02:00');
    expect(dueNow()).toBeNull();
    expect(run.alarmTexts()).toEqual([]);
    // A finger tap hands focus back to the heading, so the foot switch's next Space starts a cycle.
    expect(screen.getByRole('heading', { level: 1, name: 'CPR clock' })).toHaveFocus();

    await run.advance('30s');
    await run.user.click(screen.getByRole('button', { name: 'ROSC / stop CPR' }));
    await eventually(() => expect(screen.getByRole('heading', { name: 'Stop the CPR clock?' })).toHaveFocus());
    await run.user.click(screen.getByRole('button', { name: 'Signs of life (ROSC): stop the clock' }));
    await settle();
    expect(screen.queryByRole('region', { name: 'CPR clock' })?.textContent).toMatch(/^CPR clock stopped at \d\d:\d\d:\d\d: signs of life \(ROSC\)\./);
    run.expectStep('Start CPR and get the defibrillator');
    expect(screen.getByRole('button', { name: 'CPR has started again: restart the CPR clock' })).toBeInTheDocument();

    expect(await cprNotes(run)).toEqual([
      { cpr: 'started', cycle: 1 },
      { cpr: 'compressor-swapped', cycle: 1 },
      { cpr: 'rhythm-checked', cycle: 1 },
      { cpr: 'stopped', cycle: 2, reason: 'rosc' },
    ]);
  });

  it('puts the CPR times in the SBAR for the next call and in the outcome\'s report wording', async () => {
    const run = await cprStarted();
    await run.advance('2m');
    await run.user.click(screen.getByRole('button', { name: NEW_CYCLE }));
    await run.advance('30s');
    await run.user.click(screen.getByRole('button', { name: 'ROSC / stop CPR' }));
    await run.user.click(screen.getByRole('button', { name: 'Signs of life (ROSC): stop the clock' }));
    await settle();
    await run.continue();
    run.expectStep('Tell the cardiology registrar');
    const cpr = /CPR: collapse called at \d\d:\d\d; CPR clock started at \d\d:\d\d; rhythm checked at \d\d:\d\d \(1 check\); no adrenaline recorded; CPR stopped at \d\d:\d\d: signs of life \(ROSC\)\./;
    expect(document.body.textContent).toMatch(cpr);
    await run.choose('Told');
    run.expectStep('Handed over to the resuscitation team');
    expect(document.querySelector('.runner-outcome__wording')?.textContent).toMatch(cpr);
  });

  it('"Keep CPR going" leaves the clock running', async () => {
    const run = await cprStarted();
    await run.user.click(screen.getByRole('button', { name: 'ROSC / stop CPR' }));
    await run.user.click(screen.getByRole('button', { name: 'Keep CPR going' }));
    expect(cycleLabel()).toBe('Cycle 1: time left');
    expect(screen.getByRole('heading', { level: 1, name: 'CPR clock' })).toHaveFocus();
    expect(await cprNotes(run)).toEqual([{ cpr: 'started', cycle: 1 }]);
  });

  it('folds away to show the steps and opens again, the clock still running', async () => {
    const run = await cprStarted();
    await run.advance('20s');
    await run.user.click(screen.getByRole('button', { name: 'Show the steps (the CPR clock keeps running)' }));
    await eventually(() => expect(screen.getByRole('heading', { level: 1, name: 'Start CPR and get the defibrillator' })).toHaveFocus());
    expect(screen.getByRole('region', { name: 'CPR clock' }).textContent).toMatch(/^CPR cycle 1: 01:40 left, 00:\d\d since collapse\./);
    await run.user.click(screen.getByRole('button', { name: 'Open the CPR clock' }));
    await eventually(() => expect(screen.getByRole('heading', { level: 1, name: 'CPR clock' })).toHaveFocus());
    expect(figure()).toBe('01:40');
  });
});

describe('foot switch and keyboard', () => {
  const cycle = () => cycleLabel()?.match(/^Cycle (\d+)/)?.[1];

  it('Space, Enter and Page Down start the next cycle; a bounce, a held key or a modified key does not', async () => {
    const run = await cprStarted();
    await run.user.keyboard(' ');
    await settle();
    expect(cycle()).toBe('1'); // within 5 s of the cycle's start: a bounce
    await run.advance('10s');
    await run.user.keyboard(' ');
    await settle();
    expect(cycle()).toBe('2');
    await run.user.keyboard(' ');
    await settle();
    expect(cycle()).toBe('2');
    await run.advance('10s');
    await run.user.keyboard('{Enter}');
    await settle();
    expect(cycle()).toBe('3');
    await run.advance('10s');
    await run.user.keyboard('{PageDown}');
    await settle();
    expect(cycle()).toBe('4');
    await run.advance('10s');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: ' ', repeat: true });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Enter', ctrlKey: true });
    await settle();
    expect(cycle()).toBe('4');
    expect((await cprNotes(run)).map((data) => data.cpr)).toEqual(['started', 'rhythm-checked', 'rhythm-checked', 'rhythm-checked']);
  });

  it('Space on a focused button presses that button (a keyboard user); Page Down still starts the next cycle', async () => {
    const run = await cprStarted();
    await run.advance('10s');
    screen.getByRole('button', { name: 'Compressor swapped' }).focus();
    await run.user.keyboard(' ');
    await settle();
    expect(cycle()).toBe('1');
    expect(within(panel()).getByText(/^Compressor swaps: 1/)).toBeInTheDocument();
    await run.user.keyboard('{PageDown}');
    await settle();
    expect(cycle()).toBe('2');
    expect(screen.getByRole('button', { name: NEW_CYCLE })).toHaveAttribute('aria-keyshortcuts', 'Space Enter PageDown');
  });
});

describe('screen reader', () => {
  it('hears the cycle politely at 30-second marks and prompts, not every second', async () => {
    const run = await cprStarted();
    expect(spoken()).toBe('Cycle 1: 2 minutes left.');
    await run.advance('29s');
    expect(spoken()).toBe('Cycle 1: 2 minutes left.');
    await run.advance('1s');
    expect(spoken()).toBe('Cycle 1: 1 minute 30 seconds left.');
    await run.advance('90s');
    expect(spoken()).toBe('Cycle 1 ended. Rhythm check: pause compressions for less than 10 seconds. Swap compressor.');
  });
});

describe('adrenaline', () => {
  it('is hidden unless Settings says staff here give it; then each dose is logged and timed', async () => {
    await putSetting('cprAdrenaline', { given: true });
    const run = await cprStarted();
    await eventually(() => within(panel()).getByRole('button', { name: 'Adrenaline given' }));
    expect(within(panel()).getByText(/^Adrenaline 1 mg: the first dose as your local pathway says/)).toBeInTheDocument();
    await run.user.click(within(panel()).getByRole('button', { name: 'Adrenaline given' }));
    expect(within(panel()).getByText(/^Adrenaline: 1 dose, the last at \d\d:\d\d:\d\d\. Next from/)).toBeInTheDocument();
    await run.advance('5m');
    expect(dueTexts()).toContain('Adrenaline due');
    expect((await cprNotes(run)).map((data) => data.cpr)).toEqual(['started', 'adrenaline-given']);
  });
});

describe('reload mid-cycle', () => {
  it('carries on from the stored times: the same time left, time since collapse still counting, the alarm still set', async () => {
    const run = await cprStarted();
    await run.advance('50s');
    expect(figure()).toBe('01:10');
    const before = since();
    await run.reopen();
    await settle();
    await eventually(() => expect(figure()).toBe('01:10'));
    expect(since()).toBe(before);
    expect(cycleLabel()).toBe('Cycle 1: time left');
    await eventually(() => expect(screen.getByRole('heading', { level: 1, name: 'CPR clock' })).toHaveFocus());
    await run.advance('10s');
    expect(figure()).toBe('01:00');
    expect(since()).not.toBe(before);
    await run.advance('60s');
    expect(run.alarmTexts()).toEqual([expect.stringContaining('Rhythm check due: CPR cycle 1 is over')]);
    await run.user.click(screen.getByRole('button', { name: NEW_CYCLE }));
    await settle();
    expect(cycleLabel()).toBe('Cycle 2: time left');
    expect((await cprNotes(run)).map((data) => data.cpr)).toEqual(['started', 'rhythm-checked']);
  });
});
