// Importing an SOP file: the validator's problems are listed by step in plain
// words and nothing is stored until the file is valid; by picker or by drop.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LibraryView } from '../../../src/features/author/library/LibraryView';
import { freshDb, smallSop, sopFile } from './authorFixtures';

function brokenSop() {
  const doc = smallSop();
  return {
    ...doc,
    steps: doc.steps.map((s) => {
      if (s.id === 'ask0') return { ...s, title: '' };
      if (s.kind === 'contact') return { ...s, role: 'Registrar On Call' };
      return s;
    }),
  };
}

describe('importing an SOP file', { timeout: 20_000 }, () => {
  it('lists the problems by step and stores nothing', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<LibraryView db={db} />);
    await user.upload(screen.getByLabelText('Choose an SOP file'), sopFile(brokenSop(), 'tiny.json'));

    expect(await screen.findByText(/“tiny.json” was not imported: nothing was stored/)).toBeInTheDocument();
    const problems = screen.getByRole('region', { name: 'Problems found' });
    const ask = within(problems).getByRole('heading', { name: 'Step “ask0” (untitled)' }).parentElement!;
    expect(within(ask).getByText(/^title: must not be empty/)).toBeInTheDocument();
    const call = within(problems).getByRole('heading', { name: 'Step “Call 0”' }).parentElement!;
    expect(within(call).getByText(/an id is lower-case words joined by hyphens/)).toBeInTheDocument();
    expect(problems.textContent).not.toMatch(/\[\d+\]|steps\./);
    expect(screen.getByRole('button', { name: 'Fix it in the editor' })).toBeInTheDocument();
    expect(await db.sops.count()).toBe(0);
  });

  it('says a file that is not JSON is not JSON', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<LibraryView db={db} />);
    await user.upload(screen.getByLabelText('Choose an SOP file'), sopFile('{ "format": "cdc-sop/1", ', 'cut.json'));
    expect(await screen.findByText(/the file is not valid JSON/)).toBeInTheDocument();
    expect(await db.sops.count()).toBe(0);
  });

  it('imports a valid file dropped on the page as a draft', async () => {
    const db = freshDb();
    render(<LibraryView db={db} />);
    fireEvent.drop(screen.getByTestId('sop-drop-zone'), { dataTransfer: { files: [sopFile(smallSop())] } });
    expect(await screen.findByText(/Imported “Tiny test SOP” as a draft/)).toBeInTheDocument();
    expect(await screen.findByRole('listitem', { name: 'Tiny test SOP draft version 1.0.0' })).toBeInTheDocument();
    expect((await db.sops.toArray()).map((r) => r.status)).toEqual(['draft']);
  });
});
