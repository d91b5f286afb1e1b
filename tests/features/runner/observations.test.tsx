// The optional observations panel: one tap from any step, never blocking it; NEWS2
// worked out as the values are typed; saved as a log record; in the SBAR hand-over;
// restored after a reopen; a bad value is refused with a reason and nothing is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { setEpisodeActive } from '../../../src/shared/activity';
import { eventually, openSop, stopRunnerClock, useRunnerClock } from './runnerDriver';

beforeEach(() => useRunnerClock());
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

type Run = Awaited<ReturnType<typeof openSop>>;

async function enterObservations(run: Run, values: Partial<Record<'Heart rate' | 'Systolic BP' | 'SpO2' | 'Respiration rate' | 'Temperature', string>>) {
  for (const [label, value] of Object.entries(values)) await run.user.type(screen.getByLabelText(new RegExp(`^${label} \\(`)), value);
}

describe('observations panel', () => {
  it('opens with one tap under the step, scores NEWS2 as values are typed, and is saved as a log record', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.user.click(await screen.findByRole('button', { name: 'Observations and NEWS2 (optional)' }));
    run.expectStep('Any adverse features?');
    await enterObservations(run, { 'Heart rate': '160', 'Systolic BP': '88', SpO2: '97', 'Respiration rate': '26', Temperature: '37.2' });
    expect(screen.getByText(/NEWS2 needs all seven: 2 not entered yet/)).toBeInTheDocument();
    await run.user.click(screen.getByLabelText('Alert'));
    await run.user.click(screen.getByLabelText('Air'));
    expect(screen.getByText(/NEWS2 9 \(high\)\. NEWS2 7 or more \(high\): emergency response/)).toBeInTheDocument();
    await run.user.click(screen.getByRole('button', { name: 'Save observations' }));
    await eventually(() => screen.getByText('Observations saved to the log and added to the hand-over.'));
    const notes = (await run.db.events.toArray()).filter((row) => row.type === 'note');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.data.observations).toMatchObject({ heartRate: 160, systolicBp: 88, spo2: 97, respRate: 26, temperature: 37.2, consciousness: 'A', onOxygen: false });
    // The step did not move and still takes its answer.
    run.expectStep('Any adverse features?');
    await run.choose('Yes');
    await run.continue();
    await eventually(() => screen.getByText(/Findings: Adverse features present\. Observations at \d\d:\d\d: HR 160\/min, BP 88 mmHg, SpO2 97%, on air, RR 26\/min, temperature 37\.2 °C, alert, NEWS2 9 \(high\)\./));
  });

  it('refuses an impossible value with a reason and keeps what was typed', async () => {
    const run = await openSop('Fast AF');
    await run.user.click(await screen.findByRole('button', { name: 'Observations and NEWS2 (optional)' }));
    await enterObservations(run, { 'Heart rate': '1600' });
    await run.user.click(screen.getByRole('button', { name: 'Save observations' }));
    expect(screen.getByText('Heart rate must be between 10 and 300.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Heart rate \(/)).toHaveValue(1600);
    expect((await run.db.events.toArray()).filter((row) => row.type === 'note')).toHaveLength(0);
  });

  it('updates the hand-over on show when observations are saved on the call step itself', async () => {
    // The SBAR panel is drawn again only when its words change: new observations must change them.
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
    await eventually(() => screen.getByText(/Findings: Adverse features present\.$/));
    await run.user.click(screen.getByRole('button', { name: 'Observations and NEWS2 (optional)' }));
    await enterObservations(run, { 'Heart rate': '172' });
    await run.user.click(screen.getByRole('button', { name: 'Save observations' }));
    await eventually(() => screen.getByText(/Findings: Adverse features present\. Observations at \d\d:\d\d: HR 172\/min, NEWS2 incomplete/));
    run.expectStep('Call the on-call cardiology registrar');
  });

  it('comes back after a reopen and still feeds the hand-over', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.user.click(await screen.findByRole('button', { name: 'Observations and NEWS2 (optional)' }));
    await enterObservations(run, { 'Heart rate': '45' });
    await run.user.click(screen.getByRole('button', { name: 'Save observations' }));
    await eventually(() => screen.getByText('Observations saved to the log and added to the hand-over.'));
    await run.reopen();
    await eventually(() => run.expectStep('Any adverse features?'));
    expect(screen.getByRole('button', { name: /^Observations \(Observations at \d\d:\d\d: HR 45\/min, NEWS2 incomplete/ })).toBeInTheDocument();
    await run.choose('Yes');
    await run.continue();
    await eventually(() => screen.getByText(/Findings: .*HR 45\/min, NEWS2 incomplete \(6 of 7 not recorded\)/));
  });
});
