// Withdrawing an approved version: the author says why (required), the
// version is marked withdrawn and never runs again, the Escalate screen falls
// back to the newest approved version left (else the template), and the
// withdrawal is a record in the library log; a withdrawal from the network
// (an author's document in the site library) does the same, even before the
// version itself arrives.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LibraryView } from '../../../src/features/author/library/LibraryView';
import { activeSopFor, listLibraryLog, withdrawVersion } from '../../../src/db/library';
import { applyArrival } from '../../../src/db/sync/libraryArrivals';
import { freshDb, publishFrom, smallSop } from './authorFixtures';

describe('withdrawing a version', { timeout: 20_000 }, () => {
  it('asks why, takes the version off Escalate for the one before it, and logs it', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const first = await publishFrom(db, smallSop(), 'Tiny SOP, first approval');
    const second = await publishFrom(db, first.doc, 'Tiny SOP, second approval');
    expect((await activeSopFor('tiny-sop', { db }))?.hash).toBe(second.hash);
    render(<LibraryView db={db} />);
    const newer = await screen.findByRole('listitem', { name: 'Tiny SOP, second approval approved version 1.2.0' });
    await user.click(within(newer).getByRole('button', { name: 'Withdraw this version…' }));
    const form = within(newer).getByRole('form', { name: 'Withdraw version 1.2.0' });
    await user.click(within(form).getByRole('button', { name: 'Withdraw version 1.2.0' }));
    expect(within(form).getByLabelText('Why is it withdrawn?')).toHaveAccessibleDescription('Say why: the reason goes in the library log.');
    expect((await activeSopFor('tiny-sop', { db }))?.hash).toBe(second.hash);

    await user.type(within(form).getByLabelText('Why is it withdrawn?'), 'Wrong registrar bleep in step 3');
    await user.click(within(form).getByRole('button', { name: 'Withdraw version 1.2.0' }));
    expect(await screen.findByText('“Tiny SOP, second approval” version 1.2.0 is withdrawn: the Escalate screen no longer runs it.')).toBeInTheDocument();
    const withdrawn = await screen.findByRole('listitem', { name: 'Tiny SOP, second approval approved version 1.2.0' });
    expect(within(withdrawn).getByText('Withdrawn: not run')).toBeInTheDocument();
    expect(within(withdrawn).getByText(/Wrong registrar bleep in step 3/)).toBeInTheDocument();
    expect(within(withdrawn).queryByRole('button', { name: /Withdraw this version|Restore this version/ })).not.toBeInTheDocument();
    expect((await activeSopFor('tiny-sop', { db }))?.hash).toBe(first.hash);
    expect((await listLibraryLog(db)).at(-1)).toMatchObject({ action: 'withdraw', sopId: 'tiny-sop', version: '1.2.0', reason: 'Wrong registrar bleep in step 3', outcome: 'withdrawn: never run again' });
  });

  it('applies a withdrawal from the network, also one that arrives before its version', async () => {
    const db = freshDb();
    const first = await publishFrom(db, smallSop(), 'Tiny SOP, first approval');
    await applyArrival({ _id: 'withdrawn:tiny-sop:1.1.0', _rev: '1-a', type: 'withdrawal', sopId: 'tiny-sop', version: '1.1.0', reason: 'Superseded by the network', withdrawnBy: 'sop-author' }, db);
    expect((await activeSopFor('tiny-sop', { db }))?.source ?? null).toBeNull();
    // A withdrawal for 1.2.0 comes first; the version arriving after it never runs.
    await applyArrival({ _id: 'withdrawn:tiny-sop:1.2.0', _rev: '1-b', type: 'withdrawal', sopId: 'tiny-sop', version: '1.2.0', reason: 'Recalled', withdrawnBy: 'sop-author' }, db);
    await publishFrom(db, first.doc, 'Tiny SOP, second approval');
    expect((await activeSopFor('tiny-sop', { db }))).toBeNull();
    await expect(applyArrival({ _id: 'withdrawn:other:1.0.0', _rev: '1-c', type: 'withdrawal', sopId: 'tiny-sop', version: '1.0.0' }, db)).rejects.toThrow(/malformed/);
    await expect(withdrawVersion({ sopId: 'tiny-sop', version: '1.1.0', reason: ' ', by: 'x', origin: 'this tablet' }, db)).rejects.toMatchObject({ userMessage: expect.stringMatching(/Say why/) });
  });
});
