// A new SOP from a blank page, a template or a copy, with id, title, finding
// and modalities in the form; a reference added and cited from a step.
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LibraryView } from '../../../src/features/author/library/LibraryView';
import { addReferenceToStep } from '../../../src/features/author/editor/stepOps';
import type { SopDocument } from '../../../src/engine';
import { freshDb, smallSop } from './authorFixtures';

async function createdDoc(db: ReturnType<typeof freshDb>): Promise<SopDocument> {
  await waitFor(() => expect(window.location.pathname).toMatch(/^\/author\/edit\//));
  const key = decodeURIComponent(window.location.pathname.split('/').pop()!);
  return (await db.sops.get(key))!.document as SopDocument;
}

describe('New SOP', { timeout: 30_000 }, () => {
  it('makes a blank draft from the id, title, finding and modalities, and says what is still needed', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<LibraryView db={db} />);
    const form = await screen.findByRole('form', { name: 'New SOP' });
    await user.click(within(form).getByRole('button', { name: 'Create the draft' }));
    const summary = within(form).getByRole('alert', { name: 'There is a problem' });
    expect(summary).toHaveTextContent('SOP id: lower-case words');
    expect(summary).toHaveTextContent('Modalities: tick at least one');
    // Each problem links to its field, which also says what is wrong.
    expect(within(summary).getByRole('link', { name: /^SOP id/ })).toHaveAttribute('href', `#${within(form).getByLabelText('SOP id').id}`);
    expect(within(form).getByLabelText('SOP id')).toHaveAccessibleDescription(/Error: SOP id: lower-case words/);
    expect(within(summary).getByRole('link', { name: /^Modalities/ })).toHaveAttribute('href', `#${within(form).getByRole('checkbox', { name: 'ECHO' }).id}`);
    expect(document.activeElement).toContainElement(summary);

    await user.type(within(form).getByLabelText('SOP id'), 'fast-af');
    await user.click(within(form).getByRole('button', { name: 'Create the draft' }));
    expect(within(form).getByRole('alert', { name: 'There is a problem' })).toHaveTextContent('“fast-af” is already used');

    await user.clear(within(form).getByLabelText('SOP id'));
    await user.type(within(form).getByLabelText('SOP id'), 'syncope-on-table');
    await user.type(within(form).getByLabelText('Title'), 'Syncope on the table');
    await user.type(within(form).getByLabelText('Finding'), 'The patient faints during the scan');
    await user.click(within(form).getByRole('checkbox', { name: 'ECHO' }));
    await user.click(within(form).getByRole('button', { name: 'Create the draft' }));
    const doc = await createdDoc(db);
    expect(doc).toMatchObject({ id: 'syncope-on-table', title: 'Syncope on the table', finding: 'The patient faints during the scan', modalities: ['echo'], status: 'draft', steps: [], version: '1.0.0' });
  });

  it('copies a chosen template under the new id, keeping its steps', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<LibraryView db={db} />);
    const form = await screen.findByRole('form', { name: 'New SOP' });
    await user.click(within(form).getByRole('radio', { name: 'A built-in template' }));
    const template = within(form).getByLabelText('Template');
    const fastAf = within(template).getByRole('option', { name: /Atrial arrhythmia.*template/ }) as HTMLOptionElement;
    await user.selectOptions(template, fastAf.value);
    expect(within(form).getByLabelText('Title')).toHaveValue('Atrial arrhythmia with a rapid ventricular rate');
    await user.type(within(form).getByLabelText('SOP id'), 'fast-af-mri-list');
    await user.click(within(form).getByRole('button', { name: 'Create the draft' }));
    const doc = await createdDoc(db);
    expect(doc.id).toBe('fast-af-mri-list');
    expect(doc.steps.length).toBeGreaterThan(30);
    expect(doc.shortTitle).toBeUndefined();
    expect(doc.approval).toBeNull();
  });
});

describe('adding a reference from a step', () => {
  it('adds it to the SOP with an unused id and cites it in that step only', () => {
    const doc = smallSop();
    const next = addReferenceToStep(doc, 'act0', { title: 'Benchmark reference', url: 'https://example.org/ref' });
    const added = next.references.at(-1)!;
    expect(added).toEqual({ id: 'benchmark-reference', title: 'Benchmark reference', url: 'https://example.org/ref' });
    expect(next.steps.find((s) => s.id === 'act0')).toMatchObject({ cites: ['bench-ref', 'benchmark-reference'] });
    expect(next.steps.find((s) => s.id === 'ask0')).toMatchObject({ cites: ['bench-ref'] });
    expect(addReferenceToStep(next, 'ask0', { title: 'Benchmark reference' }).references.at(-1)!.id).toBe('benchmark-reference-2');
  });
});
