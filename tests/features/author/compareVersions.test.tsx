// Comparing two versions side by side: from a version page, the author sees
// the SOP's own fields and each step added, removed or changed.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DiffView } from '../../../src/features/author/diff/DiffView';
import { VersionView } from '../../../src/features/author/version/VersionView';
import { publish, startDraft } from '../../../src/db/library';
import type { SopDocument } from '../../../src/engine';
import { SIGN_OFF, freshDb, smallSop } from './authorFixtures';

describe('comparing versions', { timeout: 20_000 }, () => {
  it('shows what a new version changed, step by step, against the previous one', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    const key = await startDraft(smallSop(), db);
    const draft = (await db.sops.get(key))!.document as SopDocument;
    const first = await publish(draft, SIGN_OFF, { draftKey: key, db, today: '2026-11-27' });
    const key2 = await startDraft(first.doc, db);
    const draft2 = (await db.sops.get(key2))!.document as SopDocument;
    const changed = { ...draft2, steps: draft2.steps.map((s) => (s.id === 'wait0' ? { ...s, minutes: 5 } : s)) };
    const second = await publish(changed, SIGN_OFF, { draftKey: key2, db, today: '2026-11-27' });

    const page = render(<VersionView versionKey={second.hash} db={db} />);
    const compare = await screen.findByRole('navigation', { name: 'Compare with another version' });
    // An Author page opens with focus on its heading.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 })));
    const link = within(compare).getByRole('link', { name: 'What changed since approved version 1.1.0' });
    expect(link.getAttribute('href')).toBe(`/author/compare/${first.hash}/${second.hash}`);
    await user.click(link);
    page.unmount();

    render(<DiffView beforeKey={first.hash} afterKey={second.hash} db={db} />);
    expect(await screen.findByText('0 steps added, 0 removed, 1 changed, 5 unchanged.')).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: /^Compare: / })));
    const steps = screen.getByRole('region', { name: 'Steps changed' });
    expect(within(steps).getByRole('heading', { name: /Changed wait0/ })).toBeInTheDocument();
    const minutes = within(steps).getByRole('row', { name: /minutes/ });
    expect(within(minutes).getByText('10')).toHaveClass('diff-before');
    expect(within(minutes).getByText('5')).toHaveClass('diff-after');
    const details = screen.getByRole('region', { name: 'SOP details changed' });
    expect(within(details).getByRole('row', { name: /version/ })).toHaveTextContent('1.1.01.2.0');
  });
});
