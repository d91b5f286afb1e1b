// The NHS date input: three labelled numeric fields in a named group, the
// parts handed to the form, an inline error on the wrong part.
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateInput } from '../../src/ui/DateInput';
import { EMPTY_DATE_PARTS, readDate, type DateParts } from '../../src/ui/calendarDate';

/** A form's use of it: the value read on every change, the problem shown. */
function ReviewDate({ initial = EMPTY_DATE_PARTS }: { initial?: DateParts }) {
  const [parts, setParts] = useState(initial);
  const reading = readDate(parts, 'Review due date');
  return (
    <>
      <DateInput id="review" legend="Review due" hint="For example, 27 3 2026" value={parts} onChange={setParts} error={reading.kind === 'problem' ? { message: reading.message, part: reading.part } : null} />
      <output aria-label="Value passed on">{reading.kind === 'date' ? reading.iso : ''}</output>
    </>
  );
}

describe('DateInput', () => {
  it('passes a valid date on as YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    render(<ReviewDate />);
    const group = screen.getByRole('group', { name: 'Review due' });
    expect(group).toHaveAccessibleDescription('For example, 27 3 2026');
    await user.type(within(group).getByLabelText('Day'), '7');
    await user.type(within(group).getByLabelText('Month'), '3');
    await user.type(within(group).getByLabelText('Year'), '2026');
    expect(screen.getByLabelText('Value passed on')).toHaveTextContent('2026-03-07');
    expect(within(group).getByLabelText('Day')).toHaveAttribute('inputmode', 'numeric');
    expect(screen.queryByText(/Error:/)).not.toBeInTheDocument();
  });

  it('shows an impossible date as an error on the wrong part, and passes nothing on', async () => {
    const user = userEvent.setup();
    render(<ReviewDate initial={{ day: '31', month: '2', year: '2026' }} />);
    const group = screen.getByRole('group', { name: 'Review due' });
    expect(group).toHaveAccessibleDescription('For example, 27 3 2026 Error: Review due date must be a real date');
    expect(within(group).getByLabelText('Day')).toBeInvalid();
    expect(within(group).getByLabelText('Month')).toBeValid();
    expect(screen.getByLabelText('Value passed on')).toHaveTextContent(/^$/);
    await user.clear(within(group).getByLabelText('Day'));
    await user.type(within(group).getByLabelText('Day'), '28');
    expect(screen.getByLabelText('Value passed on')).toHaveTextContent('2026-02-28');
    expect(screen.queryByText(/Error:/)).not.toBeInTheDocument();
  });

  it('leaves an empty date empty, without an error', () => {
    render(<ReviewDate />);
    const group = screen.getByRole('group', { name: 'Review due' });
    for (const label of ['Day', 'Month', 'Year']) expect(within(group).getByLabelText(label)).toHaveValue('');
    expect(screen.getByLabelText('Value passed on')).toHaveTextContent(/^$/);
    expect(screen.queryByText(/Error:/)).not.toBeInTheDocument();
  });
});
