// After 999 got through, an ambulance not here within the local wait (default
// 18 minutes, the NHS England Category 2 mean target) alarms and prompts a
// call back and an upgrade; "called back" starts the wait again, "arrived" ends it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { SopDocument } from '../../../../src/engine';
import { setEpisodeActive } from '../../../../src/shared/activity';
import { openSop, stopRunnerClock, useRunnerClock } from '../runnerDriver';
import { testAf } from '../fixtures';

const with999: SopDocument = {
  ...testAf, id: 'test-999', title: 'Unstable rhythm needing 999', shortTitle: 'Unstable rhythm', modalities: ['echo'],
  roles: [{ id: 'ambulance-999', title: 'Emergency ambulance (999)', type: 'ambulance' }],
  start: 'call999',
  steps: [
    {
      id: 'call999', kind: 'contact', title: 'Call 999 for an emergency ambulance', role: 'ambulance-999', cites: ['rcuk'],
      sbar: { situation: 'Unstable rhythm.', background: 'Outpatient scan.', assessment: 'At risk of arrest.', recommendation: 'Category 1 or 2 ambulance.' },
      outcomes: [
        { id: 'dispatched', label: 'Ambulance on its way', result: 'accepted', next: 'done' },
        { id: 'noAnswer', label: 'Could not get through', result: 'noAnswer', next: 'done' },
      ],
    },
    { id: 'done', kind: 'outcome', title: 'Emergency ambulance called', urgency: 'emergency', cites: ['rcuk'], disposition: 'Ambulance to hospital.', reportWording: 'Unstable rhythm; 999 called.', document: ['Times'] },
  ],
};

beforeEach(() => useRunnerClock());
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

describe('waiting for the 999 ambulance', () => {
  it('a fresh install dials 999, and an ambulance not here after 18 minutes alarms for a call back and an upgrade', async () => {
    const run = await openSop('Unstable rhythm', { docs: [with999] });
    expect(await screen.findByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    await run.choose('Ambulance on its way');
    expect(screen.getByText(/999 called at .*If the ambulance is not here by/)).toBeInTheDocument();
    await run.advance('17m');
    expect(run.alarmTexts()).toEqual([]);
    await run.advance('1m');
    expect(run.alarmTexts()).toEqual([expect.stringContaining('No ambulance after 18 minutes')]);
    expect(screen.getByRole('link', { name: 'Call 999 back' })).toHaveAttribute('href', 'tel:999');
    await run.user.click(screen.getByRole('button', { name: 'Acknowledge alarm' }));
    await run.user.click(screen.getByRole('button', { name: 'I have called 999 back' }));
    await run.advance('17m');
    expect(run.alarmTexts()).toEqual([]);
    await run.advance('1m');
    expect(run.alarmTexts()).toHaveLength(1);
    await run.user.click(screen.getByRole('button', { name: 'Acknowledge alarm' }));
    await run.user.click(screen.getByRole('button', { name: 'Ambulance has arrived' }));
    await run.advance('30m');
    expect(run.alarmTexts()).toEqual([]);
    const notes = (await run.db.events.toArray()).filter((row) => row.type === 'note').map((row) => row.data.ambulance);
    expect(notes).toEqual(['called-back', 'arrived']);
  });

  it('no watch when 999 was not reached', async () => {
    const run = await openSop('Unstable rhythm', { docs: [with999] });
    await run.choose('Could not get through');
    await run.advance('30m');
    expect(run.alarmTexts()).toEqual([]);
    expect(screen.queryByText(/999 called at/)).not.toBeInTheDocument();
  });
});
