// The author's sandbox runs the real step screens and plays a chosen path,
// and never writes to the governance log.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enumeratePaths } from '../../../src/engine';
import { openLogDb } from '../../../src/db/database';
import { SandboxRunner } from '../../../src/features/runner/SandboxRunner';
import { eventually } from './runnerDriver';
import { testAf, testCollapse } from './fixtures';

describe('sandbox runner', () => {
  it('plays a path step by step to its outcome without touching the log', async () => {
    const path = enumeratePaths(testAf, { modality: 'echo' }).find((p) => p.outcome === 'emergencyOut' && p.steps.some((s) => s.via === 'calledBack'))!;
    render(<SandboxRunner doc={testAf} modality="echo" path={path.steps} collapse={testCollapse} />);
    await eventually(() => screen.getByRole('heading', { level: 1, name: 'Any adverse features?' }));
    expect(screen.getByText(/Preview only: nothing is written to the governance log/)).toBeInTheDocument();
    const titles: string[] = [];
    for (let i = 0; i < 8 && !screen.queryByText('End of the path.'); i += 1) {
      titles.push(screen.getByRole('heading', { level: 1 }).textContent ?? '');
      await userEvent.click(screen.getByRole('button', { name: 'Play next step of the path' }));
      const before = titles.at(-1);
      await eventually(() => expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(before));
    }
    expect(titles).toEqual([
      'Any adverse features?', 'Keep the patient safe while you call', 'Call the on-call cardiology registrar', 'Wait for a call back',
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Emergency transfer arranged' })).toBeInTheDocument();
    expect(await openLogDb().episodes.count()).toBe(0);
  }, 20_000);

  it('says when the user has left the chosen path', async () => {
    const path = enumeratePaths(testAf, { modality: 'echo' }).find((p) => p.outcome === 'calm')!;
    render(<SandboxRunner doc={testAf} modality="echo" path={path.steps} />);
    await eventually(() => screen.getByRole('heading', { level: 1, name: 'Any adverse features?' }));
    await userEvent.click(screen.getByRole('button', { name: /^Yes/ }));
    await eventually(() => screen.getByText(/off the chosen path/));
    expect(screen.getByRole('button', { name: 'Play next step of the path' })).toBeDisabled();
  });
});
