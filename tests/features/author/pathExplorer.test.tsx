// Walking every path: each path from the start to an outcome is listed with
// its urgency, and playing one runs the real runner in the sandbox, one
// step at a time, without writing anything to the governance log.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PathExplorer } from '../../../src/features/author/paths/PathExplorer';
import { openLogDb } from '../../../src/db/database';
import { URGENCIES, URGENCY_LABEL, enumeratePaths } from '../../../src/engine';
import { builtInSops } from '../../../src/sops';
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

    expect(screen.getByRole('heading', { name: `Every path: ${paths.length}` })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Play path \d+ / })).toHaveLength(paths.length);
    const first = paths[0]!;
    const tierOfFirst = screen.getByRole('region', { name: new RegExp(`^${URGENCY_LABEL[first.urgency]}`) });
    expect(within(tierOfFirst).getAllByRole('button', { name: /^Play / })).toHaveLength(paths.filter((p) => p.urgency === first.urgency).length);

    await user.click(within(tierOfFirst).getByRole('button', { name: new RegExp(`^Play path 1 \\(${URGENCY_LABEL[first.urgency]}\\) to `) }));
    expect(await screen.findByText('Preview only: nothing is written to the governance log.', {}, { timeout: 5000 })).toBeInTheDocument();
    const guide = screen.getByRole('list', { name: /path 1/ });
    expect(within(guide).getAllByRole('listitem')).toHaveLength(paths[0]!.steps.length);

    const firstTitle = doc.steps.find((s) => s.id === paths[0]!.steps[0]!.stepId)!.title;
    const secondTitle = doc.steps.find((s) => s.id === paths[0]!.steps[1]!.stepId)!.title;
    expect(screen.getByRole('heading', { name: firstTitle })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Play next step of the path' }));
    expect(await screen.findByRole('heading', { name: secondTitle })).toBeInTheDocument();
    expect(await openLogDb().episodes.count()).toBe(0);
  });
});

describe('the path explorer on a shipped SOP', { timeout: 30_000 }, () => {
  it('groups every path by urgency with its count, pages through a tier without a silent cap, and plays a routine path', async () => {
    const user = userEvent.setup();
    const doc = builtInSops.find((d) => d.id === 'fast-af')!;
    const paths = enumeratePaths(doc);
    render(
      <SandboxContext.Provider value={SandboxRunner}>
        <PathExplorer doc={doc} />
      </SandboxContext.Provider>,
    );
    expect(screen.getByRole('heading', { name: `Every path: ${paths.length}` })).toBeInTheDocument();
    const counts = screen.getByRole('list', { name: 'Paths by urgency' });
    for (const u of URGENCIES) {
      expect(counts).toHaveTextContent(`${URGENCY_LABEL[u]} ${paths.filter((p) => p.urgency === u).length.toLocaleString('en-GB')}`);
    }
    const sameDay = paths.filter((p) => p.urgency === 'same-day').length;
    const tier = screen.getByRole('region', { name: /^Same day/ });
    expect(tier).toHaveTextContent(`Showing 25 of ${sameDay}`);
    await user.click(within(tier).getByRole('button', { name: `Show 25 more Same day paths (${sameDay - 25} not shown yet)` }));
    expect(within(tier).getAllByRole('button', { name: /^Play path \d+ \(Same day\)/ })).toHaveLength(50);

    const routine = screen.getByRole('region', { name: /^Routine/ });
    const routineCount = paths.filter((p) => p.urgency === 'routine').length;
    expect(routine).toHaveTextContent(`All ${routineCount} shown.`);
    await user.click(within(routine).getByRole('button', { name: /^Play path 1 \(Routine\) to / }));
    const route = paths.find((p) => p.urgency === 'routine')!;
    // A modality step routes by the scan type on its own: it has no screen to play.
    const shown = route.steps.map((step) => doc.steps.find((s) => s.id === step.stepId)!).filter((step) => step.kind !== 'modality');
    for (let i = 1; i < shown.length; i += 1) {
      await user.click(await screen.findByRole('button', { name: 'Play next step of the path' }));
      const title = shown[i]!.title;
      expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    }
  });
});
