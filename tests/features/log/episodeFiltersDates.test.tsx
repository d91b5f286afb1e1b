// The log's date filters are NHS date inputs: a real date is applied as
// YYYY-MM-DD, an impossible one is refused in an error summary, and a "to"
// date before the "from" date too.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_FILTER_FIELDS, EpisodeFiltersForm } from '../../../src/features/log/EpisodeFiltersForm';

async function typeDate(user: ReturnType<typeof userEvent.setup>, group: HTMLElement, day: string, month: string, year: string) {
  await user.type(within(group).getByLabelText('Day'), day);
  await user.type(within(group).getByLabelText('Month'), month);
  await user.type(within(group).getByLabelText('Year'), year);
}

describe('episode date filters', () => {
  it('applies the dates as YYYY-MM-DD, and refuses 31 February and a range that ends before it starts', async () => {
    const user = userEvent.setup();
    const onApply = vi.fn();
    render(<EpisodeFiltersForm sops={[]} initial={EMPTY_FILTER_FIELDS} onApply={onApply} />);
    const from = screen.getByRole('group', { name: 'From date' });
    const to = screen.getByRole('group', { name: 'To date (inclusive)' });
    await typeDate(user, from, '31', '2', '2026');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const summary = screen.getByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: 'From date must be a real date' })).toHaveAttribute('href', `#${within(from).getByLabelText('Day').id}`);
    expect(document.activeElement).toContainElement(summary);
    expect(onApply).not.toHaveBeenCalled();

    await user.clear(within(from).getByLabelText('Day'));
    await user.type(within(from).getByLabelText('Day'), '3');
    await typeDate(user, to, '1', '2', '2026');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(within(screen.getByRole('alert', { name: 'There is a problem' })).getByRole('link', { name: 'To date must be the same as or after the from date' })).toBeInTheDocument();
    expect(onApply).not.toHaveBeenCalled();

    await user.clear(within(to).getByLabelText('Month'));
    await user.type(within(to).getByLabelText('Month'), '12');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(onApply).toHaveBeenCalledWith(expect.objectContaining({ from: '2026-02-03', to: '2026-12-01' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
