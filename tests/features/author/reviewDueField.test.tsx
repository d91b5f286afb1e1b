// The editor's review date is the NHS date input (day, month, year), as on the
// publish form: a real date goes into the document as its ISO day; a date that
// does not exist is said inline and never stored; a date set from elsewhere
// shows in the fields.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { DocumentForm } from '../../../src/features/author/editor/DocumentForm';
import type { SopDocument } from '../../../src/engine';
import { smallSop } from './authorFixtures';

function Editor({ initial, seen }: { initial: SopDocument; seen(doc: SopDocument): void }) {
  const [doc, setDoc] = useState(initial);
  return (
    <>
      <DocumentForm doc={doc} onChange={(next) => { seen(next); setDoc(next); }} />
      <button type="button" onClick={() => setDoc({ ...doc, reviewDue: '2028-01-09' })}>Import</button>
    </>
  );
}

const field = (name: 'Day' | 'Month' | 'Year') => within(screen.getByRole('group', { name: 'Review due in this draft' })).getByRole('textbox', { name: name });

describe('the editor\'s review date', () => {
  it('shows the stored date as day, month and year, and stores a new real date as its ISO day', async () => {
    const seen = vi.fn();
    render(<Editor initial={{ ...smallSop(), reviewDue: '2027-03-15' }} seen={seen} />);
    expect([field('Day'), field('Month'), field('Year')].map((input) => (input as HTMLInputElement).value)).toEqual(['15', '3', '2027']);
    await userEvent.clear(field('Day'));
    await userEvent.type(field('Day'), '4');
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ reviewDue: '2027-03-04' }));
  });

  it('says a date that does not exist inline, on the wrong part, and stores none', async () => {
    const seen = vi.fn();
    render(<Editor initial={{ ...smallSop(), reviewDue: '2027-03-15' }} seen={seen} />);
    await userEvent.clear(field('Day'));
    await userEvent.type(field('Day'), '31');
    await userEvent.clear(field('Month'));
    await userEvent.type(field('Month'), '2');
    expect(screen.getByRole('group', { name: 'Review due in this draft' })).toHaveAccessibleDescription(expect.stringContaining('Review due date must be a real date'));
    expect(field('Day')).toHaveClass('nhsuk-input--error');
    expect(seen).toHaveBeenLastCalledWith(expect.objectContaining({ reviewDue: '' }));
    // What was typed stays for the author to correct.
    expect((field('Day') as HTMLInputElement).value).toBe('31');
  });

  it('shows a date set from elsewhere (an import) in the fields', async () => {
    render(<Editor initial={smallSop()} seen={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect([field('Day'), field('Month'), field('Year')].map((input) => (input as HTMLInputElement).value)).toEqual(['9', '1', '2028']);
  });
});
