// The print of an approved SOP shows its local-adaptation notes as updated,
// or flags that they still carry the template's checklist (or nothing).
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { PrintView } from '../../../src/features/author/print/PrintView';
import { publish, startDraft } from '../../../src/db/library';
import type { SopDocument } from '../../../src/engine';
import { builtInSops } from '../../../src/sops';
import { SIGN_OFF, freshDb } from './authorFixtures';

async function approvedFastAf(db: ReturnType<typeof freshDb>, localAdaptation?: string) {
  const template = builtInSops.find((d) => d.id === 'fast-af')!;
  const key = await startDraft(template, db);
  const draft = { ...((await db.sops.get(key))!.document as SopDocument) };
  if (localAdaptation === undefined) delete draft.localAdaptation;
  else draft.localAdaptation = localAdaptation;
  return publish(draft, SIGN_OFF, { draftKey: key, db, today: '2026-11-27' });
}

describe('printing an approved SOP', { timeout: 20_000 }, () => {
  it('flags local-adaptation notes that are still the template’s', async () => {
    const db = freshDb();
    const template = builtInSops.find((d) => d.id === 'fast-af')!;
    const { hash } = await approvedFastAf(db, template.localAdaptation);
    render(<PrintView versionKey={hash} db={db} />);
    expect(await screen.findByRole('note', { name: 'Local adaptation not updated' })).toHaveTextContent('still carries the template');
  });

  it('shows updated notes as updated at sign-off', async () => {
    const db = freshDb();
    const { hash } = await approvedFastAf(db, 'Roles checked against the North network AF pathway; same-day threshold kept at 150.');
    render(<PrintView versionKey={hash} db={db} />);
    expect(await screen.findByText(`Local adaptation (updated at sign-off on ${SIGN_OFF.date}):`)).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('flags an approved SOP with no notes at all', async () => {
    const db = freshDb();
    const { hash } = await approvedFastAf(db);
    render(<PrintView versionKey={hash} db={db} />);
    expect(await screen.findByRole('note', { name: 'Local adaptation missing' })).toBeInTheDocument();
  });
});

describe('the print view\'s way back', { timeout: 20_000 }, () => {
  it('goes to the version page from a version, and to the library from a draft (which has no version page)', async () => {
    const db = freshDb();
    const { hash } = await approvedFastAf(db, 'Checked locally.');
    const { unmount } = render(<PrintView versionKey={hash} db={db} />);
    expect(await screen.findByRole('link', { name: '← Back' })).toHaveAttribute('href', `/author/view/${encodeURIComponent(hash)}`);
    unmount();
    const draftKey = await startDraft(builtInSops.find((d) => d.id === 'heart-block')!, db);
    render(<PrintView versionKey={draftKey} db={db} />);
    expect(await screen.findByRole('link', { name: '← Back to the library' })).toHaveAttribute('href', '/author');
  });
});
