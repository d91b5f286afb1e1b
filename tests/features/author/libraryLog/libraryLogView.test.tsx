// Author → Library log: every record, newest first, the chain checked on
// opening (an edited record is named as a break), and an export.
import { describe, expect, it } from 'vitest';
import { catchSavedFiles } from '../../../support/savedFiles';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { appendLibraryLog, LIBRARY_LOG_FORMAT } from '../../../../src/db/library';
import { LibraryLogView } from '../../../../src/features/author/libraryLog/LibraryLogView';
import { freshDb } from '../authorFixtures';

const record = (sopId: string, outcome: string) => ({
  action: 'import' as const, who: 'Dr A Approver', sopId, version: '2.0.0', sopHash: 'a'.repeat(64), origin: 'file', outcome, reason: '',
});

describe('the library log page', () => {
  it('lists the records newest first, says the chain is whole, and exports it', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    await appendLibraryLog(db, record('fast-af', 'approved (signature verified)'));
    await appendLibraryLog(db, { ...record('heart-block', 'stored as a draft'), reason: 'it says "approved" but carries no approval signature' });
    const saved = catchSavedFiles();
    render(<LibraryLogView db={db} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Library log' })).toHaveFocus();
    expect(await screen.findByText('Chain checked: 2 records, none missing or changed.')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/heart-block 2\.0\.0.*stored as a draft.*carries no approval signature/);
    expect(rows[1]).toHaveTextContent(/fast-af 2\.0\.0/);
    await user.click(screen.getByRole('button', { name: 'Export the library log (JSON)' }));
    await waitFor(() => expect(saved.texts).toHaveLength(1));
    expect(JSON.parse(saved.texts[0]!)).toMatchObject({ format: LIBRARY_LOG_FORMAT, records: [{ seq: 1 }, { seq: 2 }] });
    saved.stop();
  });

  it('names the record that was changed after it was written', async () => {
    const db = freshDb();
    await appendLibraryLog(db, record('fast-af', 'approved (signature verified)'));
    await appendLibraryLog(db, record('heart-block', 'approved (signature verified)'));
    await db.libraryLog.update(1, { who: 'Someone else' });
    render(<LibraryLogView db={db} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('The library log is broken at record 1: Record 1 was changed after it was written.');
  });
});
