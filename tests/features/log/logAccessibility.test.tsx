import axe from 'axe-core';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LogSection } from '../../../src/features/log/LogSection';
import { completeSameDay, freshDb, reachRegistrar, recordEpisode, T0, MINUTE } from '../../db/logFixtures';

configure({ asyncUtilTimeout: 5000 });

/** jsdom cannot compute colours or layout, so contrast and target size are checked in the browser e2e run instead. */
async function violations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('the Log section for assistive technology', { timeout: 30_000 }, () => {
  it('has no axe violations in the list, the timeline, the dashboard or the export panel', async () => {
    const db = freshDb();
    await recordEpisode(db, { events: [reachRegistrar(T0 + MINUTE, 'noAnswer'), reachRegistrar(T0 + 2 * MINUTE), ...completeSameDay(T0 + 3 * MINUTE)] });
    const user = userEvent.setup();
    const { container } = render(<LogSection db={db} saveFile={() => undefined} appVersion="test" />);

    await screen.findByText(/Showing episodes 1 to 1/);
    expect(await violations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: /view episode started/i }));
    await screen.findByRole('table', { name: /timeline/i });
    expect(await violations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Dashboard' }));
    await screen.findByRole('img', { name: /Outcomes by urgency/ });
    expect(await violations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Export and import' }));
    await screen.findByLabelText('JSON log export file');
    expect(await violations(container)).toEqual([]);
  });
});
