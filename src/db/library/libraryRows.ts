// Storage of the author's library: local SOP versions and drafts (rows of the
// `sops` table with source "local"), pinned versions and the sign-off record
// (both in `settings`). Everything read back is validated before use.
import * as v from 'valibot';
import { toStorageError } from '../database';
import type { LogDb } from '../database';
import type { SopRow } from '../database';

export const DRAFT_PREFIX = 'draft:';
const PINS_KEY = 'author.pins';
const SIGNOFFS_KEY = 'author.signoffs';

const signOffSchema = v.object({
  hash: v.string(),
  sopId: v.string(),
  version: v.string(),
  name: v.string(),
  role: v.string(),
  date: v.string(),
  reviewDue: v.string(),
  recordedAt: v.number(),
  via: v.picklist(['published', 'imported']),
});

/** One sign-off: who approved which exact content (by hash), and when. */
export type SignOff = v.InferOutput<typeof signOffSchema>;

const pinsSchema = v.record(v.string(), v.string());

export const isDraftKey = (key: string): boolean => key.startsWith(DRAFT_PREFIX);

export function newDraftKey(sopId: string): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `${DRAFT_PREFIX}${sopId}:${random}`;
}

const textField = (value: unknown, key: string): string => {
  const field = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field.slice(0, 200) : '';
};

/** A row for the sops table; the document is stored as given (a draft may be unfinished). */
export function sopRowOf(key: string, document: unknown, status: string): SopRow {
  return {
    hash: key,
    id: textField(document, 'id'),
    version: textField(document, 'version'),
    status,
    title: textField(document, 'title'),
    source: 'local',
    document,
    storedAt: Date.now(),
  };
}

export async function writeRows(db: LogDb, put: SopRow[], remove: string[] = []): Promise<void> {
  try {
    await db.transaction('rw', db.sops, async () => {
      if (remove.length > 0) await db.sops.bulkDelete(remove);
      if (put.length > 0) await db.sops.bulkPut(put);
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function localRows(db: LogDb): Promise<SopRow[]> {
  const rows = await db.sops.toArray();
  return rows.filter((row) => row.source === 'local');
}

export async function readPins(db: LogDb): Promise<Record<string, string>> {
  const parsed = v.safeParse(pinsSchema, (await db.settings.get(PINS_KEY))?.value);
  return parsed.success ? parsed.output : {};
}

export async function writePin(db: LogDb, sopId: string, hash: string | null): Promise<void> {
  try {
    await db.transaction('rw', db.settings, async () => {
      const pins = await readPins(db);
      if (hash === null) delete pins[sopId];
      else pins[sopId] = hash;
      await db.settings.put({ key: PINS_KEY, value: pins });
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

export async function readSignOffs(db: LogDb): Promise<SignOff[]> {
  const value = (await db.settings.get(SIGNOFFS_KEY))?.value;
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = v.safeParse(signOffSchema, item);
    return parsed.success ? [parsed.output] : [];
  });
}

/** Appends a sign-off; called inside the publishing transaction. */
export async function appendSignOff(db: LogDb, signOff: SignOff): Promise<void> {
  const existing = await readSignOffs(db);
  await db.settings.put({ key: SIGNOFFS_KEY, value: [...existing, signOff] });
}
