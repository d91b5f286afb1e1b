// The library shows which version the Escalate screen runs, and an older
// approved version can be restored (and the comparison shows what differs).
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LibraryView } from '../../../src/features/author/library/LibraryView';
import { startDraft } from '../../../src/db/library';
import { activeSopFor } from '../../../src/db/library';
import { freshDb, publishFrom, smallSop } from './authorFixtures';

describe('restoring an older version', { timeout: 20_000 }, () => {
  it('marks the version in use and lets an older approved version replace it', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const first = await publishFrom(db, smallSop(), 'Tiny SOP, first approval');
    const second = await publishFrom(db, first.doc, 'Tiny SOP, second approval');
    render(<LibraryView db={db} />);

    const newer = await screen.findByRole('listitem', { name: 'Tiny SOP, second approval approved version 1.2.0' });
    const older = screen.getByRole('listitem', { name: 'Tiny SOP, first approval approved version 1.1.0' });
    expect(within(newer).getByText('In use on Escalate')).toBeInTheDocument();
    expect(within(older).queryByText(/In use on Escalate/)).not.toBeInTheDocument();
    expect(within(newer).queryByRole('button', { name: 'Restore this version' })).not.toBeInTheDocument();

    await user.click(within(older).getByRole('button', { name: 'Restore this version' }));
    expect(await screen.findByText('The Escalate screen now uses “Tiny SOP, first approval” version 1.1.0.')).toBeInTheDocument();
    const restored = await screen.findByRole('listitem', { name: 'Tiny SOP, first approval approved version 1.1.0' });
    expect(within(restored).getByText('In use on Escalate (restored)')).toBeInTheDocument();
    expect((await activeSopFor('tiny-sop', { db }))?.hash).toBe(first.hash);
    expect(second.hash).not.toBe(first.hash);
  });

  it('highlights an overdue review date in words', async () => {
    const db = freshDb();
    const key = await startDraft({ ...smallSop(), reviewDue: '2020-01-01' }, db);
    render(<LibraryView db={db} />);
    const draft = await screen.findByRole('listitem', { name: 'Tiny test SOP draft version 1.1.0' });
    expect(within(draft).getByText('Overdue')).toBeInTheDocument();
    expect(key).toMatch(/^draft:tiny-sop:/);
  });
});
