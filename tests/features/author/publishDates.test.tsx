// The sign-off's dates are NHS date inputs: a date that does not exist, or a
// review due before the sign-off, is refused on Publish with an error summary
// that takes focus and links to the date, and an inline message on it.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '../../../src/features/author/editor/EditorView';
import { startDraft } from '../../../src/db/library';
import { freshDb, smallSop } from './authorFixtures';

describe('publishing dates', { timeout: 30_000 }, () => {
  it('refuses 31 February and a review due before the sign-off, in an error summary linked to the dates', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await startDraft(smallSop(), db);
    render(<EditorView draftKey={key} db={db} />);
    const publishButton = await screen.findByRole('button', { name: 'Publish version 1.1.0' });
    await waitFor(() => expect(screen.queryByText(/Checking…/)).not.toBeInTheDocument());
    await user.type(screen.getByLabelText('Approver name'), 'Network lead');
    await user.type(screen.getByLabelText('Approver role'), 'Consultant cardiologist');
    const signOff = screen.getByRole('group', { name: 'Sign-off date' });
    await user.clear(within(signOff).getByLabelText('Day'));
    await user.type(within(signOff).getByLabelText('Day'), '31');
    await user.clear(within(signOff).getByLabelText('Month'));
    await user.type(within(signOff).getByLabelText('Month'), '2');
    const review = screen.getByRole('group', { name: 'Review due' });
    await user.clear(within(review).getByLabelText('Year'));
    await user.type(within(review).getByLabelText('Year'), '2001');

    expect(publishButton).toBeEnabled();
    await user.click(publishButton);
    const summary = screen.getByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toContainElement(summary);
    expect(within(summary).getByRole('link', { name: 'Sign-off date must be a real date' })).toHaveAttribute('href', `#${within(signOff).getByLabelText('Day').id}`);
    expect(signOff).toHaveAccessibleDescription(/Error: Sign-off date must be a real date/);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

    // Fixed: the review-due date is now the one named, before the sign-off.
    await user.clear(within(signOff).getByLabelText('Day'));
    await user.type(within(signOff).getByLabelText('Day'), '28');
    await user.click(publishButton);
    expect(within(screen.getByRole('alert', { name: 'There is a problem' })).getByRole('link', { name: 'Review due date must be after the sign-off date' })).toBeInTheDocument();
    await user.clear(within(review).getByLabelText('Year'));
    await user.type(within(review).getByLabelText('Year'), '2099');
    await user.click(publishButton);
    expect(await screen.findByRole('alertdialog', { name: /^Publish version 1\.1\.0/ })).toHaveTextContent(/review due 2099-/);
  });
});
