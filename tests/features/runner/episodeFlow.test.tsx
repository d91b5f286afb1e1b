// Keyboard operation, undo, abandon, collapse, storage failure and resume
// after the section is closed and opened again (as after a reload).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { isEpisodeActive, setEpisodeActive } from '../../../src/shared/activity';
import { createDbEpisodeStore } from '../../../src/features/runner/episode/dbEpisodeStore';
import type { EpisodeStore } from '../../../src/features/runner/episode/episodeStore';
import { openLogDb, StorageError } from '../../../src/db/database';
import { eventually, openEscalate, openSop, stopRunnerClock, useRunnerClock } from './runnerDriver';

beforeEach(() => useRunnerClock());
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

/** A log that refuses writes while `failing` is set, as a full disk would. */
function flakyStore(name: string) {
  const inner = createDbEpisodeStore(openLogDb(name));
  const state = { failing: false };
  const store: EpisodeStore = {
    ...inner,
    append: (episodeId, events) => (state.failing ? Promise.reject(new StorageError('quota')) : inner.append(episodeId, events)),
  };
  return { store, state, db: openLogDb(name) };
}

describe('keyboard and foot switch', () => {
  it('number keys choose options and Enter continues an actions step', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.press('1');
    run.expectStep('Keep the patient safe while you call');
    await run.press('{Enter}');
    run.expectStep('Call the on-call cardiology registrar');
    await run.press('2');
    run.expectStep('Wait for a call back');
  });

  it('moves focus to the heading of each new step', async () => {
    const run = await openSop('Fast AF');
    // Focus follows just after the step is painted.
    await eventually(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
    await run.press('1');
    await eventually(() => expect(screen.getByRole('heading', { level: 1, name: 'Keep the patient safe while you call' })).toHaveFocus());
  });
});

describe('undo and abandon', () => {
  it('Back undoes the last answer and logs the undo rather than erasing', async () => {
    const run = await openSop('Fast AF');
    expect(screen.queryByRole('button', { name: /^Back/ })).not.toBeInTheDocument();
    await run.choose('Yes');
    await run.back();
    run.expectStep('Any adverse features?');
    await run.choose('No');
    run.expectStep('Urgent review');
    expect(await run.logTypes()).toEqual([
      'episode-started', 'step-entered', 'step-entered', 'answered', 'step-entered', 'undo', 'answered', 'step-entered', 'outcome-reached',
    ]);
  });

  it('Abandon asks for a reason, logs it and ends the episode', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    await run.abandon('Finding not confirmed');
    await eventually(() => screen.getByRole('heading', { level: 1, name: /^Escalate/ }));
    expect(isEpisodeActive()).toBe(false);
    const events = await run.db.events.toArray();
    const last = events.sort((a, b) => a.seq - b.seq).at(-1);
    expect(last?.type).toBe('abandoned');
    expect(last?.data.reason).toBe('Finding not confirmed');
    expect((await run.db.episodes.toArray())[0]?.status).toBe('abandoned');
  });
});

describe('collapse', () => {
  it('goes from any step straight to the resuscitation steps within the same episode', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    await run.collapse();
    run.expectStep('Call the arrest team now');
    await run.choose('Team coming');
    await run.tick('Start chest compressions');
    await run.continue();
    await run.choose('Told');
    run.expectStep('Handed over to the resuscitation team');
    expect(await run.db.episodes.count()).toBe(1);
    const types = await run.logTypes();
    expect(types.indexOf('collapse')).toBeGreaterThan(types.indexOf('answered'));
    expect(types.at(-1)).toBe('outcome-reached');
  });

  it('after an outcome, completes that episode and starts the resuscitation pathway as a new one', async () => {
    const run = await openSop('Fast AF');
    await run.choose('No');
    run.expectStep('Urgent review');
    await run.collapse();
    await eventually(() => run.expectStep('Call the arrest team now'));
    const episodes = await run.db.episodes.toArray();
    expect(episodes.map((e) => `${e.sopId}: ${e.status}`).sort()).toEqual(['collapse: open', 'test-af: completed']);
  });

  it('is one tap from the Escalate list, starting the collapse pathway', async () => {
    const run = await openEscalate();
    await eventually(() => screen.getByRole('button', { name: /^Fast AF/ }));
    await run.collapse();
    await eventually(() => run.expectStep('Call the arrest team now'));
  });

  it('still shows the resuscitation steps when the log cannot be written, then says so', async () => {
    const flaky = flakyStore(`collapse-fail-${Date.now()}`);
    const run = await openSop('Fast AF', { store: flaky.store, db: flaky.db });
    flaky.state.failing = true;
    await run.collapse();
    run.expectStep('Call the arrest team now');
    expect(screen.getByText(/out of storage space/)).toBeInTheDocument();
    await run.choose('Team coming');
    run.expectStep('Start CPR and get the defibrillator');
    flaky.state.failing = false;
    await run.user.click(screen.getByRole('button', { name: 'Try again' }));
    await eventually(() => expect(screen.queryByText(/out of storage space/)).not.toBeInTheDocument());
    const types = await run.logTypes();
    expect(types).toContain('collapse');
    expect(types).toContain('contact-attempt');
  });
});

describe('local reference', () => {
  it('takes an optional local reference later, refusing anything that looks like a patient identifier', async () => {
    const run = await openSop('Fast AF');
    await run.user.click(screen.getByText('Add a local episode reference (optional)'));
    const field = screen.getByLabelText(/Local reference — not a patient identifier/);
    await run.user.type(field, '943 476 5919');
    await run.user.click(screen.getByRole('button', { name: 'Save reference' }));
    expect(screen.getByText(/looks like an NHS number/)).toBeInTheDocument();
    await run.user.clear(field);
    await run.user.type(field, 'CDC-2231');
    await run.user.click(screen.getByRole('button', { name: 'Save reference' }));
    await eventually(() => screen.getByText('Reference saved to the log.'));
    const notes = (await run.db.events.toArray()).filter((row) => row.type === 'note');
    expect(notes.map((row) => row.data.localRef)).toEqual(['CDC-2231']);
    run.expectStep('Any adverse features?');
  });
});

describe('nothing is lost', () => {
  it('a failed write keeps the answer, blocks the next step, and Try again saves it once', async () => {
    const flaky = flakyStore(`write-fail-${Date.now()}`);
    const run = await openSop('Fast AF', { store: flaky.store, db: flaky.db });
    flaky.state.failing = true;
    await run.choose('Yes');
    expect(screen.getByText(/out of storage space/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Keep the patient safe while you call' })).not.toBeInTheDocument();
    flaky.state.failing = false;
    await run.user.click(screen.getByRole('button', { name: 'Try again' }));
    await eventually(() => run.expectStep('Keep the patient safe while you call'));
    expect((await run.logTypes()).filter((type) => type === 'answered')).toHaveLength(1);
  });

  it('returns to the same step with the same answers and the wait still counting from its start after a reopen', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.tick('Repeat observations');
    await run.continue();
    await run.noAnswer();
    await run.advance('4m');
    await run.reopen();
    await eventually(() => run.expectStep('Wait for a call back'));
    expect(isEpisodeActive()).toBe(true);
    expect(screen.getByText('06:00')).toBeInTheDocument();
    expect(screen.getByText(/Repeat observations: next in 11:00/)).toBeInTheDocument();
    await run.advance('6m');
    run.expectStep('Call the imaging consultant');
    await run.advance('5m');
    expect(run.alarmTexts()).toContainEqual(expect.stringContaining('Due now: Repeat observations'));
    await run.user.click(screen.getByRole('button', { name: 'Done: Repeat observations' }));
    await eventually(() => screen.getByText(/Repeat observations: next in 15:00/));
    // Doing the task acknowledges its alarm.
    expect(run.alarmTexts().filter((text) => text.includes('Due now'))).toEqual([]);
    expect(await run.logTypes()).toContain('reminder-done');
  });

  it('a wait that ran out while the app was closed escalates as soon as it reopens', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    await run.noAnswer();
    run.unmount();
    await run.advance('12m');
    await run.reopen();
    await eventually(() => run.expectStep('Call the imaging consultant'));
    const timerRows = (await run.db.events.toArray()).filter((row) => row.type === 'timer-expired');
    const entered = (await run.db.events.toArray()).find((row) => row.type === 'step-entered' && row.stepId === 'waitCallBack');
    expect(timerRows).toHaveLength(1);
    expect(timerRows[0]!.at - entered!.at).toBe(10 * 60_000);
  });
});
