// The contacts directory in Settings: roles the SOPs in use call but nobody
// fills are listed as gaps; filling one removes it; a directory file is
// imported whole or not at all, and exported for the other tablets.
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { openLogDb, type LogDb } from '../../../src/db/database';
import { listDirectory } from '../../../src/db/config';
import { DirectoryPanel } from '../../../src/features/settings/directory/DirectoryPanel';
import { DIRECTORY_FORMAT, parseDirectoryText } from '../../../src/db/config';

const freshDb = (): LogDb => openLogDb(`directory-test-${globalThis.crypto.randomUUID()}`);
const jsonFile = (value: unknown, name = 'directory.json') => new File([JSON.stringify(value)], name, { type: 'application/json' });

async function gapList() {
  const heading = await screen.findByRole('heading', { name: /not configured/i });
  return heading.parentElement!;
}

describe('contacts directory', { timeout: 20_000 }, () => {
  it('lists every role the SOPs in use call as a gap until it has a number', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<DirectoryPanel db={db} />);
    const gaps = await gapList();
    expect(within(gaps).getByText('On-call cardiology registrar')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit On-call cardiology registrar' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Edit: On-call cardiology registrar' }));
    await user.type(screen.getByLabelText('Name or team'), 'Cardiology registrar on call');
    await user.type(screen.getByLabelText('Phone number'), '0000 000 000');
    await user.type(screen.getByLabelText('Hours covered'), '24 hours');
    await user.click(screen.getByRole('button', { name: 'Save On-call cardiology registrar' }));

    expect(await screen.findByText('On-call cardiology registrar saved.')).toBeInTheDocument();
    expect(within(await gapList()).queryByText('On-call cardiology registrar')).not.toBeInTheDocument();
    expect((await listDirectory(db)).map((e) => e.roleId)).toEqual(['cardiology-registrar']);
  });

  it('imports nothing from a file with a bad entry and says which entry is wrong', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<DirectoryPanel db={db} />);
    await gapList();
    const file = jsonFile({
      format: DIRECTORY_FORMAT,
      entries: [
        { roleId: 'cardiology-registrar', name: 'Registrar', phone: '0000 000 000', extension: '', hours: '24 hours', fallbackRoleId: '' },
        { roleId: 'ambulance-999', name: 'Ambulance', phone: 'call them', extension: '', hours: '', fallbackRoleId: '' },
      ],
    });
    await user.upload(screen.getByLabelText('Import directory'), file);
    expect(await screen.findByText(/Nothing was imported/)).toBeInTheDocument();
    expect(screen.getByText(/Entry 2 \(phone\)/)).toBeInTheDocument();
    expect(await listDirectory(db)).toEqual([]);
  });

  it('imports a valid file in full, closing the gaps it fills', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<DirectoryPanel db={db} />);
    await gapList();
    await user.upload(
      screen.getByLabelText('Import directory'),
      jsonFile({
        format: DIRECTORY_FORMAT,
        entries: [{ roleId: 'ambulance-999', name: 'Ambulance service', phone: '999', extension: '', hours: '24 hours', fallbackRoleId: '' }],
      }),
    );
    expect(await screen.findByText('Imported 1 directory entries.')).toBeInTheDocument();
    expect(within(await gapList()).queryByText('Ambulance service: 999')).not.toBeInTheDocument();
    expect((await listDirectory(db))[0]).toMatchObject({ roleId: 'ambulance-999', phone: '999' });
  });
});

describe('directory files', () => {
  it('refuses text that is not a directory file, duplicates and self-fallbacks', () => {
    expect(parseDirectoryText('not json')).toMatchObject({ ok: false });
    expect(parseDirectoryText(JSON.stringify({ format: 'other', entries: [] }))).toMatchObject({ ok: false });
    const entry = { roleId: 'referrer', phone: '0000 000 000' };
    const twice = parseDirectoryText(JSON.stringify({ format: DIRECTORY_FORMAT, entries: [entry, entry] }));
    expect(twice).toEqual({ ok: false, problems: ['The role "referrer" is listed more than once.'] });
    const self = parseDirectoryText(JSON.stringify({ format: DIRECTORY_FORMAT, entries: [{ ...entry, fallbackRoleId: 'referrer' }] }));
    expect(self).toMatchObject({ ok: false, problems: [expect.stringContaining('own fallback')] });
  });
});

describe('directory entry form', { timeout: 20_000 }, () => {
  it('refuses a phone number with letters in an error summary linked to the field, and saves nothing', async () => {
    const user = userEvent.setup();
    const db = freshDb();
    render(<DirectoryPanel db={db} />);
    await gapList();
    await user.click(screen.getByRole('button', { name: 'Edit On-call cardiology registrar' }));
    await user.type(screen.getByLabelText('Phone number'), 'call them');
    await user.click(screen.getByRole('button', { name: 'Save On-call cardiology registrar' }));
    const summary = screen.getByRole('alert', { name: 'There is a problem' });
    expect(document.activeElement).toContainElement(summary);
    const phone = screen.getByLabelText('Phone number');
    expect(within(summary).getByRole('link', { name: /^Phone number must only include digits/ })).toHaveAttribute('href', `#${phone.id}`);
    expect(phone).toHaveAccessibleDescription(/Error: Phone number must only include digits/);
    expect(await listDirectory(db)).toEqual([]);
  });
});
