// The NHS error summary: shown after a failed submit, a link to each field,
// focus moved to it on every failed submit, and a link focuses its field.
import { describe, expect, it } from 'vitest';
import { useState, type FormEvent } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorSummary } from '../../src/ui/ErrorSummary';
import { ErrorMessage } from '../../src/ui/ErrorMessage';

function NameForm() {
  const [name, setName] = useState('');
  const [failedSubmits, setFailedSubmits] = useState(0);
  const problems = name.trim() === '' ? [{ fieldId: 'name', message: 'Enter the approver’s name' }] : [];
  const shown = failedSubmits > 0 ? problems[0] : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) setFailedSubmits((count) => count + 1);
  };
  return (
    <form onSubmit={submit} aria-label="Sign-off">
      <ErrorSummary problems={problems} failedSubmits={failedSubmits} />
      <label htmlFor="name">Approver name</label>
      {shown ? <ErrorMessage id="name-error">{shown.message}</ErrorMessage> : null}
      <input id="name" value={name} aria-describedby={shown ? 'name-error' : undefined} onChange={(event) => setName(event.target.value)} />
      <button type="submit">Publish</button>
    </form>
  );
}

describe('ErrorSummary', () => {
  it('shows nothing before a submit fails', () => {
    render(<NameForm />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('takes focus on a failed submit and links to each field, which says the same', async () => {
    const user = userEvent.setup();
    render(<NameForm />);
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const summary = screen.getByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toContainElement(summary);
    const link = within(summary).getByRole('link', { name: 'Enter the approver’s name' });
    expect(link).toHaveAttribute('href', '#name');
    expect(screen.getByLabelText('Approver name')).toHaveAccessibleDescription('Error: Enter the approver’s name');

    await user.click(link);
    expect(screen.getByLabelText('Approver name')).toHaveFocus();
    // A second failed submit moves focus back to the summary.
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(document.activeElement).toContainElement(screen.getByRole('alert', { name: 'There is a problem' }));
  });
});
