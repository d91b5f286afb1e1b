// The local contacts directory (who fills each SOP role here, and how to reach
// them) and the key-value settings. Both are local configuration, not log data.
import * as v from 'valibot';
import { toStorageError, StorageError } from '../database';
import { openLogDb, type LogDb } from '../database';
import type { DirectoryRow } from '../database';
import { NATIONAL_ROLE_IDS, nationalDefault, withNationalDefaults } from './nationalDefaults';

const Text = v.pipe(v.string(), v.trim(), v.maxLength(200));

const DirectoryEntrySchema = v.object({
  roleId: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Role ids are kebab-case.')),
  name: Text,
  phone: v.pipe(Text, v.regex(/^[0-9 +()#*-]*$/, 'A phone number holds digits, spaces and + ( ) # * - only.')),
  extension: Text,
  hours: Text,
  fallbackRoleId: v.optional(v.string(), ''),
});

/** A directory entry as the runner shows it (when it was edited does not matter here). */
export type DirectoryContact = Omit<DirectoryRow, 'updatedAt'>;

export type DirectoryEntry = v.InferOutput<typeof DirectoryEntrySchema>;

export async function putDirectoryEntry(entry: DirectoryEntry, db: LogDb = openLogDb()): Promise<DirectoryRow> {
  const parsed = v.safeParse(DirectoryEntrySchema, entry);
  if (!parsed.success) throw new StorageError('invalid', { userMessage: parsed.issues[0]?.message ?? 'The directory entry is not valid.' });
  if (NATIONAL_ROLE_IDS.has(parsed.output.roleId) && parsed.output.phone === '' && parsed.output.extension === '') {
    throw new StorageError('invalid', { userMessage: 'This is an emergency role: give a number (999, or the hospital arrest number). It cannot be left empty.' });
  }
  const row: DirectoryRow = { ...parsed.output, updatedAt: Date.now() };
  try {
    await db.directory.put(row);
  } catch (error) {
    throw toStorageError(error);
  }
  return row;
}

/** The local entry for a role, else its national default (999) where there is one. */
export async function getDirectoryEntry(roleId: string, db: LogDb = openLogDb()): Promise<DirectoryRow | undefined> {
  return (await db.directory.get(roleId)) ?? nationalDefault(roleId);
}

/** The entries stored on this device (what an export writes). */
export function listDirectory(db: LogDb = openLogDb()): Promise<DirectoryRow[]> {
  return db.directory.orderBy('roleId').toArray();
}

/** The directory as the app uses it: stored entries plus the national 999 defaults where none is stored. */
export async function listDirectoryInUse(db: LogDb = openLogDb()): Promise<DirectoryRow[]> {
  return withNationalDefaults(await listDirectory(db));
}

export async function deleteDirectoryEntry(roleId: string, db: LogDb = openLogDb()): Promise<void> {
  await db.directory.delete(roleId);
}

export { getSetting, putSetting } from './settingStore';
