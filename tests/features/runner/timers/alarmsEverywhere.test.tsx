// A wait's alarm belongs to the app, not to the Escalate screen: it goes off
// while the worker is in Settings, keeps ringing until acknowledged, and the
// escalation has moved on when they come back. A wait ended early, or an
// episode finished, never rings.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { appAlarms, REPEAT_MS } from '../../../../src/shared/alarm';
import { setEpisodeActive } from '../../../../src/shared/activity';
import { openSop, stopRunnerClock, useRunnerClock } from '../runnerDriver';

beforeEach(() => useRunnerClock());
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

async function toWait() {
  const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
  await run.choose('Yes');
  await run.continue();
  await run.noAnswer();
  run.expectStep('Wait for a call back');
  return run;
}

describe('alarms on every section', () => {
  it('a wait that runs out while Settings is open alarms there, repeats until acknowledged, and the escalation has moved on', async () => {
    const run = await toWait();
    await run.openSettings();
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    await run.advance('10m');
    expect(run.alarmTexts()).toEqual([expect.stringContaining('Time is up: Wait for a call back')]);
    const rings = () => appAlarms.getRaised()[0]?.rings ?? 0;
    const first = rings();
    await run.advance(`${(REPEAT_MS * 2) / 1000}s`);
    expect(rings()).toBe(first + 2);
    await run.user.click(screen.getByRole('button', { name: 'Acknowledge alarm' }));
    expect(run.alarmTexts()).toEqual([]);
    await run.backToEscalate();
    run.expectStep('Call the imaging consultant');
    expect((await run.logTypes()).filter((t) => t === 'timer-expired')).toHaveLength(1);
  });

  it('a repeat task falls due while Settings is open', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    await run.tick('Repeat observations');
    await run.openSettings();
    await run.advance('15m');
    expect(run.alarmTexts()).toEqual([expect.stringContaining('Due now: Repeat observations')]);
  });

  it('a wait ended early never rings', async () => {
    const run = await toWait();
    await run.choose('Registrar called back');
    await run.openSettings();
    await run.advance('11m');
    expect(run.alarmTexts()).toEqual([]);
  });

  it('the alarm of an abandoned episode is taken back', async () => {
    const run = await toWait();
    await run.abandon('Finding not confirmed');
    await act(async () => undefined);
    await run.advance('11m');
    expect(appAlarms.getRaised()).toEqual([]);
  });
});
