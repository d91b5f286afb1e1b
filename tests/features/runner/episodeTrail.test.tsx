// "Where am I": every episode screen carries the SOP, steps done, answers
// given, time since the start and the clock time a running wait ends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { holdFrames, openSop, stopRunnerClock, useRunnerClock } from './runnerDriver';

beforeEach(() => useRunnerClock());
afterEach(() => stopRunnerClock());

const trail = () => within(screen.getByRole('region', { name: 'Where you are' }));
const pad = (n: number) => String(n).padStart(2, '0');

describe('episode trail', () => {
  it('counts steps done and answers given, and the time since the start', async () => {
    const run = await openSop('Fast AF');
    expect(trail().getByText('Fast AF')).toBeInTheDocument();
    expect(trail().getByText('0 steps done')).toBeInTheDocument();
    expect(trail().getByText('0 answers')).toBeInTheDocument();
    await run.advance('65s');
    expect(trail().getByText('01:05')).toBeInTheDocument();
    await run.choose('Yes');
    expect(trail().getByText('1 step done')).toBeInTheDocument();
    expect(trail().getByText('1 answer')).toBeInTheDocument();
    await run.continue();
    expect(trail().getByText('2 steps done')).toBeInTheDocument();
    expect(trail().getByText('1 answer')).toBeInTheDocument();
  });

  it('moves on just after the frame that shows the new step is painted, so a tap\'s frame carries the step alone', async () => {
    const run = await openSop('Fast AF');
    const frames = holdFrames();
    await run.choose('Yes');
    run.expectStep('Keep the patient safe while you call');
    expect(trail().getByText('0 steps done')).toBeInTheDocument();
    expect(trail().getByText('0 answers')).toBeInTheDocument();
    await frames.paint();
    expect(trail().getByText('1 step done')).toBeInTheDocument();
    expect(trail().getByText('1 answer')).toBeInTheDocument();
  });

  it('shows the clock time a running wait ends, and drops it once the wait is over', async () => {
    // A configured role: a real unanswered call waits for the call back (an unconfigured one moves straight on).
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    await run.noAnswer();
    const ends = new Date(Date.now() + 10 * 60_000);
    expect(trail().getByText(`${pad(ends.getHours())}:${pad(ends.getMinutes())}:${pad(ends.getSeconds())}`)).toBeInTheDocument();
    await run.choose('Registrar called back');
    expect(trail().queryByText(/Wait ends/)).not.toBeInTheDocument();
  });
});
