// Editing a draft: validation runs live as the author types and blocks
// publishing, never typing; publishing needs a full sign-off and freezes the
// version (any change makes a new draft); steps can be added and reconnected.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EditorView } from '../../../src/features/author/editor/EditorView';
import { VersionView } from '../../../src/features/author/version/VersionView';
import { saveDraft, startDraft, LibraryRefusal } from '../../../src/db/library';
import { activeSopFor } from '../../../src/db/library';
import { freshDb, smallSop } from './authorFixtures';

const stepCard = (name: RegExp) => screen.getByRole('article', { name });

describe('editing a draft', { timeout: 30_000 }, () => {
  it('lists a problem as soon as typing stops, blocks publishing, and never blocks typing', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await startDraft(smallSop(), db);
    render(<EditorView draftKey={key} db={db} />);
    await user.click(await screen.findByRole('button', { name: 'Edit step ask0' }));
    const title = within(screen.getByRole('article', { name: /Question 0/ })).getByLabelText('Title');

    await user.clear(title);
    expect(title).toHaveValue('');
    const problems = await screen.findByRole('region', { name: 'Problems found' });
    expect(within(problems).getByRole('button', { name: 'Step “ask0” (untitled)' })).toBeInTheDocument();
    expect(within(problems).getByRole('listitem')).toHaveTextContent('Error: title: must not be empty');
    expect(problems.textContent).not.toMatch(/\[\d+\]/);
    expect(screen.getByRole('button', { name: /Publish version/ })).toBeDisabled();
    expect(screen.getByText(/Publishing is disabled until the 1 error is fixed/)).toBeInTheDocument();

    await user.type(title, 'Is the patient well?');
    expect(title).toHaveValue('Is the patient well?');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Problems found' })).not.toBeInTheDocument());
    expect(await screen.findByText('All changes saved', {}, { timeout: 4000 })).toBeInTheDocument();
    const stored = (await db.sops.get(key))!.document as { steps: Array<{ title: string }> };
    expect(stored.steps[0]!.title).toBe('Is the patient well?');
  });

  it('adds a step, reports it until it is connected, and renames links with the step', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await startDraft(smallSop(), db);
    render(<EditorView draftKey={key} db={db} />);
    await screen.findByRole('article', { name: /Question 0/ });
    await user.selectOptions(screen.getByLabelText('Kind of step to add'), 'outcome');
    await user.click(screen.getByRole('button', { name: 'Add step' }));
    const problems = await screen.findByRole('region', { name: 'Problems found' });
    expect(within(problems).getByRole('button', { name: 'Step “newStep” (untitled)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit step wait0' }));
    await user.click(screen.getByRole('button', { name: 'Edit step call0' }));
    const wait = stepCard(/Wait 0/);
    const idField = within(wait).getByLabelText('Step id');
    await user.clear(idField);
    await user.type(idField, 'waitForCallBack{Enter}');
    const call = stepCard(/Call 0/);
    await waitFor(() => expect(within(call).getAllByRole('combobox', { name: 'Leads to' })[1]).toHaveValue('waitForCallBack'));
  });

  it('keeps an edit typed less than 100 ms before leaving the editor', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await startDraft(smallSop(), db);
    const editor = render(<EditorView draftKey={key} db={db} />);
    await user.click(await screen.findByRole('button', { name: 'Edit step ask0' }));
    const title = within(screen.getByRole('article', { name: /Question 0/ })).getByLabelText('Title');
    await user.type(title, ' typed fast');
    const typedAt = performance.now();
    editor.unmount();
    expect(performance.now() - typedAt).toBeLessThan(100);
    await waitFor(async () => {
      const stored = (await db.sops.get(key))!.document as { steps: Array<{ title: string }> };
      expect(stored.steps[0]!.title).toBe('Question 0 typed fast');
    });
  });

  it('keeps JSON that does not parse yet for the way back to the editor', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await startDraft(smallSop(), db);
    const editor = render(<EditorView draftKey={key} db={db} />);
    await user.click(await screen.findByRole('button', { name: 'JSON' }));
    const box = screen.getByLabelText('SOP as JSON');
    await user.type(box, '{{ half typed');
    editor.unmount();
    render(<EditorView draftKey={key} db={db} />);
    await user.click(await screen.findByRole('button', { name: 'JSON' }));
    expect((screen.getByLabelText('SOP as JSON') as HTMLTextAreaElement).value).toContain('{ half typed');
  });

  it('publishes with a sign-off, and the published version is frozen', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await startDraft(smallSop(), db);
    const editor = render(<EditorView draftKey={key} db={db} />);
    await screen.findByRole('article', { name: /Question 0/ });
    const publishButton = await screen.findByRole('button', { name: 'Publish version 1.1.0' });
    await waitFor(() => expect(screen.queryByText(/Checking…/)).not.toBeInTheDocument());
    expect(publishButton).toBeDisabled();
    expect(publishButton).toHaveAccessibleDescription('Publishing needs the approver’s name, the approver’s role.');
    await user.type(screen.getByLabelText('Approver name'), 'Network lead');
    await user.type(screen.getByLabelText('Approver role'), 'Consultant cardiologist');
    expect(publishButton).toBeEnabled();
    await user.click(publishButton);
    const confirm = await screen.findByRole('alertdialog', { name: 'Publish version 1.1.0 of “Tiny test SOP”?' });
    expect(confirm).toHaveTextContent('A new SOP: nothing on the Escalate screen uses “tiny-sop” yet. It has 6 steps.');
    expect(window.location.pathname).not.toMatch(/^\/author\/view\//);
    await user.click(within(confirm).getByRole('button', { name: 'Yes, publish version 1.1.0' }));

    await waitFor(() => expect(window.location.pathname).toMatch(/^\/author\/view\/[0-9a-f]{64}$/));
    const hash = decodeURIComponent(window.location.pathname.split('/').pop()!);
    expect(await db.sops.get(key)).toBeUndefined();
    expect((await activeSopFor('tiny-sop', { db }))?.hash).toBe(hash);

    editor.unmount();
    render(<VersionView versionKey={hash} db={db} />);
    expect(await screen.findByText(/This version is frozen/)).toBeInTheDocument();
    expect(screen.getByText(/Signed off by Network lead, Consultant cardiologist/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    await expect(saveDraft(hash, smallSop(), db)).rejects.toBeInstanceOf(LibraryRefusal);
  });
});
