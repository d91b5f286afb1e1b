// Hazard H01 (stale or unapproved SOP): a template says so on the list and on
// every step until a local author signs it off; an approved SOP does not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { openEscalate, stopRunnerClock, useRunnerClock } from './runnerDriver';
import { testAf } from './fixtures';

beforeEach(() => useRunnerClock());
afterEach(() => stopRunnerClock());

const warning = () => screen.queryByRole('status', { name: 'Template warning' });

describe('template warning', () => {
  it('marks a template on the list and keeps the banner on every step', async () => {
    const run = await openEscalate({ docs: [testAf] });
    expect(await screen.findByText(/needs local sign-off/i)).toBeInTheDocument();
    await run.start('Fast AF');
    expect(warning()).toHaveTextContent(/not yet signed off locally/i);
    expect(warning()).toHaveTextContent('version 1.0.0 (template)');
    await run.choose('Not sure');
    expect(warning()).toHaveTextContent(/not yet signed off locally/i);
  });

  it('shows no template warning for a locally approved SOP', async () => {
    const approved = { ...testAf, status: 'approved' as const, approval: { name: 'A Reviewer', role: 'Consultant cardiologist', date: '2026-11-01' } };
    const run = await openEscalate({ docs: [approved] });
    await screen.findByText('Fast AF');
    expect(screen.queryByText(/needs local sign-off/i)).not.toBeInTheDocument();
    await run.start('Fast AF');
    expect(warning()).not.toBeInTheDocument();
  });
});
