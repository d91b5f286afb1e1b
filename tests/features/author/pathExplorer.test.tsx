// Walking every path: each path from the start to an outcome is listed with
// its urgency, and playing one runs the real runner in the sandbox, one
// step at a time, without writing anything to the governance log.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PathExplorer } from '../../../src/features/author/paths/PathExplorer';
import { openLogDb } from '../../../src/db/database';
import { URGENCY_LABEL, enumeratePaths } from '../../../src/engine';
import { smallSop } from './authorFixtures';
import { SandboxContext } from '../../../src/shared/sandbox';
import { SandboxRunner } from '../../../src/features/runner/SandboxRunner';

describe('the path explorer', { timeout: 30_000 }, () => {
  it('lists every path with its urgency and plays one in the sandbox without logging it', async () => {
    const user = userEvent.setup();
    const doc = smallSop();
    const paths = enumeratePaths(doc);
    // As the shell does: the runner's sandbox handed to the Author section by context.
    render(
      <SandboxContext.Provider value={SandboxRunner}>
        <PathExplorer doc={doc} />
      </SandboxContext.Provider>,
    );

    expect(screen.getByRole('heading', { name: `Every path (${paths.length})` })).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(paths.length);
    paths.forEach((path, i) => {
      expect(within(items[i]!).getAllByText(URGENCY_LABEL[path.urgency], { exact: true })[0]).toBeInTheDocument();
    });

    await user.click(screen.getByRole('button', { name: /^Play path 1 to / }));
    expect(await screen.findByText('Preview only: nothing is written to the governance log.', {}, { timeout: 5000 })).toBeInTheDocument();
    const guide = screen.getByRole('list', { name: /Path 1/ });
    expect(within(guide).getAllByRole('listitem')).toHaveLength(paths[0]!.steps.length);

    const firstTitle = doc.steps.find((s) => s.id === paths[0]!.steps[0]!.stepId)!.title;
    const secondTitle = doc.steps.find((s) => s.id === paths[0]!.steps[1]!.stepId)!.title;
    expect(screen.getByRole('heading', { name: firstTitle })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Play next step of the path' }));
    expect(await screen.findByRole('heading', { name: secondTitle })).toBeInTheDocument();
    expect(await openLogDb().episodes.count()).toBe(0);
  });
});
