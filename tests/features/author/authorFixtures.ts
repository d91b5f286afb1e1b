// Shared set-up for the Author tests: a fresh database each time and a small
// valid SOP (question → actions → contact → wait → outcomes), as plain JSON.
import { openLogDb, type LogDb } from '../../../src/db/database';
import { publish, startDraft } from '../../../src/db/library';
import type { SopDocument } from '../../../src/engine';
import { generateLargeSop } from '../../support/engineGeneratedSop';

export const freshDb = (): LogDb => openLogDb(`author-test-${globalThis.crypto.randomUUID()}`);

export function smallSop(): SopDocument {
  return { ...generateLargeSop(1), id: 'tiny-sop', title: 'Tiny test SOP', status: 'template' } as SopDocument;
}

export const SIGN_OFF = { name: 'Network lead', role: 'Consultant cardiologist', date: '2026-11-20', reviewDue: '2027-11-20' };

export function sopFile(value: unknown, name = 'sop.json'): File {
  return new File([typeof value === 'string' ? value : JSON.stringify(value)], name, { type: 'application/json' });
}

/** Publishes a new version started from `from`, under a new title (the sign-off above, on a fixed day). */
export async function publishFrom(db: LogDb, from: SopDocument, title: string) {
  const key = await startDraft(from, db);
  const draft = { ...((await db.sops.get(key))!.document as SopDocument), title };
  return publish(draft, SIGN_OFF, { draftKey: key, db, today: '2026-11-27' });
}
