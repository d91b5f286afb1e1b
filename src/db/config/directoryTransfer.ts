// Export and import of the local contacts directory as a JSON file, so every
// tablet of a service shares the same numbers. An import is checked in full
// and stored all at once, or not at all.
import * as v from 'valibot';
import { toStorageError } from '../database';
import { openLogDb, type LogDb } from '../database';
import type { DirectoryRow } from '../database';
import { NATIONAL_ROLE_IDS } from './nationalDefaults';

export const DIRECTORY_FORMAT = 'cdc-directory/1';
const MAX_FILE_CHARS = 500_000;

const Text = v.pipe(v.string('must be text'), v.trim(), v.maxLength(200, 'must be at most 200 characters'));
const roleId = v.pipe(v.string('must be text'), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "cardiology-registrar"'));

const entrySchema = v.pipe(
  v.object({
    roleId,
    name: v.optional(Text, ''),
    phone: v.optional(v.pipe(Text, v.regex(/^[0-9 +()#*-]*$/, 'may hold digits, spaces and + ( ) # * - only')), ''),
    extension: v.optional(Text, ''),
    hours: v.optional(Text, ''),
    fallbackRoleId: v.optional(v.union([v.literal(''), roleId]), ''),
  }),
  v.check((entry) => entry.fallbackRoleId !== entry.roleId, 'a role cannot be its own fallback'),
);

const fileSchema = v.object({
  format: v.literal(DIRECTORY_FORMAT, `is not a contacts directory file (format must be "${DIRECTORY_FORMAT}")`),
  entries: v.pipe(v.array(entrySchema), v.maxLength(500, 'holds more than 500 roles')),
});

export type DirectoryFileEntry = v.InferOutput<typeof entrySchema>;

export type DirectoryParse = { ok: true; entries: DirectoryFileEntry[] } | { ok: false; problems: string[] };

function where(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => (item as { key: unknown }).key);
  if (keys[0] === 'entries' && typeof keys[1] === 'number') {
    const field = keys.slice(2).join('.');
    return `Entry ${keys[1] + 1}${field ? ` (${field})` : ''}`;
  }
  return keys.length > 0 ? `"${keys.join('.')}"` : 'The file';
}

/** Checks a directory file's text; every problem is listed in plain words. */
export function parseDirectoryText(text: string): DirectoryParse {
  if (text.length > MAX_FILE_CHARS) return { ok: false, problems: ['The file is far too large to be a contacts directory.'] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['The file is not valid JSON. Export the directory again from the other tablet.'] };
  }
  const parsed = v.safeParse(fileSchema, value, { abortEarly: false });
  if (!parsed.success) return { ok: false, problems: parsed.issues.slice(0, 20).map((i) => `${where(i)}: ${i.message}`) };
  const seen = new Set<string>();
  const duplicates = parsed.output.entries.filter((e) => (seen.has(e.roleId) ? true : (seen.add(e.roleId), false)));
  if (duplicates.length > 0) return { ok: false, problems: duplicates.map((e) => `The role "${e.roleId}" is listed more than once.`) };
  const emptied = parsed.output.entries.filter((e) => NATIONAL_ROLE_IDS.has(e.roleId) && e.phone === '' && e.extension === '');
  if (emptied.length > 0) return { ok: false, problems: emptied.map((e) => `The emergency role "${e.roleId}" has no number: give 999 or the hospital arrest number.`) };
  return { ok: true, entries: parsed.output.entries };
}

export function directoryFileText(rows: readonly DirectoryRow[], exportedAt: Date = new Date()): string {
  const entries = rows.map(({ roleId: id, name, phone, extension, hours, fallbackRoleId }) => ({
    roleId: id, name, phone, extension, hours, fallbackRoleId,
  }));
  return `${JSON.stringify({ format: DIRECTORY_FORMAT, exportedAt: exportedAt.toISOString(), entries }, null, 2)}\n`;
}

export async function exportDirectory(db: LogDb = openLogDb()): Promise<string> {
  return directoryFileText(await db.directory.orderBy('roleId').toArray());
}

/** Stores every entry of a valid file (same roles are replaced, others kept); stores nothing otherwise. */
export async function importDirectory(text: string, db: LogDb = openLogDb()): Promise<DirectoryParse> {
  const parsed = parseDirectoryText(text);
  if (!parsed.ok) return parsed;
  const now = Date.now();
  try {
    await db.transaction('rw', db.directory, async () => {
      await db.directory.bulkPut(parsed.entries.map((entry) => ({ ...entry, updatedAt: now })));
    });
  } catch (error) {
    throw toStorageError(error);
  }
  return parsed;
}
