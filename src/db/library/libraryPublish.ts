// Changing the library: drafts (autosaved, never run), publishing with a
// sign-off (frozen by content hash), importing a file, and restoring an older
// approved version for the Escalate screen.
import type { SopDocument } from '../../engine/schema/document';
import type { Problem } from '../../engine/validate/problem';
import { validateSop } from '../../engine/validate/validateSop';
import { hashSop, type SopSignature } from '../../engine';
import { toStorageError } from '../database';
import { acceptLibraryDocument, type AcceptResult } from './acceptDocument';
import { appendLibraryLog } from './libraryLog';
import { signWithDeviceKey } from './approverKeys';
import { openLogDb, type LogDb } from '../database';
import {
  appendSignOff, isDraftKey, localRows, newDraftKey, sopRowOf, writePin, writeRows, type SignOff,
} from './libraryRows';

export interface SignOffDetails {
  name: string;
  role: string;
  /** YYYY-MM-DD */
  date: string;
  reviewDue: string;
}

/** Publishing or importing was refused; `problems` say why, in the validator's words. */
export class LibraryRefusal extends Error {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'LibraryRefusal';
    this.problems = problems;
  }
}

/** "1.2.3" → "1.3.0": a new draft is at least a minor change. */
export function nextMinorVersion(version: string): string {
  const [major = 1, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  return `${major}.${minor + 1}.0`;
}

/** A draft copy of any SOP: status draft, no approval, next version number. */
export function draftFrom(doc: SopDocument): SopDocument {
  return { ...doc, status: 'draft', approval: null, version: nextMinorVersion(doc.version) };
}

export async function saveDraft(key: string, document: unknown, db: LogDb = openLogDb()): Promise<void> {
  if (!isDraftKey(key)) throw new LibraryRefusal('Only drafts can be saved; approved versions are frozen.');
  await writeRows(db, [sopRowOf(key, document, 'draft')]);
}

/** Starts a new draft from a document and stores it; returns the draft's key. */
export async function startDraft(from: SopDocument, db: LogDb = openLogDb()): Promise<string> {
  const key = newDraftKey(from.id);
  await saveDraft(key, draftFrom(from), db);
  return key;
}

export async function discardDraft(key: string, db: LogDb = openLogDb()): Promise<void> {
  if (isDraftKey(key)) await writeRows(db, [], [key]);
}

export async function storeApproved(db: LogDb, doc: SopDocument, via: SignOff['via'], removeKey?: string, signatures: readonly SopSignature[] = []): Promise<string> {
  const hash = await hashSop(doc);
  const clash = (await localRows(db)).find(
    (row) => row.id === doc.id && row.status === 'approved' && row.version === doc.version && row.hash !== hash,
  );
  if (clash) {
    throw new LibraryRefusal(`Version ${doc.version} of this SOP is already approved with different content. Give this one a new version number.`);
  }
  const approval = doc.approval!;
  const signOff: SignOff = {
    hash, sopId: doc.id, version: doc.version, name: approval.name, role: approval.role,
    date: approval.date, reviewDue: doc.reviewDue, recordedAt: Date.now(), via,
  };
  try {
    await db.transaction('rw', db.sops, db.settings, async () => {
      if (removeKey !== undefined) await db.sops.delete(removeKey);
      await db.sops.put({ ...sopRowOf(hash, doc, 'approved'), ...(signatures.length > 0 ? { signatures: [...signatures] } : {}) });
      await appendSignOff(db, signOff);
    });
  } catch (error) {
    throw toStorageError(error);
  }
  // A new approval is what the Escalate screen should run, not an older restored one.
  await writePin(db, doc.id, null);
  return hash;
}

/**
 * Signs off a draft: sets status approved and the approval block, validates,
 * stores it frozen by content hash, records the sign-off with that hash, and
 * removes the draft. Refuses (LibraryRefusal) while the validator finds errors.
 */
export async function publish(
  draft: unknown,
  details: SignOffDetails,
  options: { draftKey?: string; db?: LogDb; today?: string; signWith?: string; signAs?: 'approver' | 'author' } = {},
): Promise<{ hash: string; doc: SopDocument }> {
  const db = options.db ?? openLogDb();
  const signed = {
    ...(draft as Record<string, unknown>),
    status: 'approved',
    approval: { name: details.name.trim(), role: details.role.trim(), date: details.date },
    reviewDue: details.reviewDue,
  };
  const result = validateSop(signed, { today: options.today });
  if (!result.ok || !result.doc) throw new LibraryRefusal('The SOP still has problems to fix before it can be published.', result.problems);
  if (details.reviewDue <= details.date) throw new LibraryRefusal('The review-due date must be after the sign-off date.');
  // With this device's approver key, the version carries a signature the network's tablets can verify.
  // As the author (two-person rule), the signature is the author's: the approver named countersigns the exported file.
  const signAs = options.signAs ?? 'approver';
  const signatures = options.signWith ? [await signWithDeviceKey(options.signWith, result.doc, signAs, db)] : [];
  const hash = await storeApproved(db, result.doc, 'published', options.draftKey, signatures);
  const byAuthor = signatures.length > 0 && signAs === 'author';
  await appendLibraryLog(db, {
    action: signatures.length > 0 && !byAuthor ? 'approve' : 'publish', who: byAuthor ? signatures[0]!.name : details.name.trim(),
    sopId: result.doc.id, version: result.doc.version, sopHash: hash, origin: 'this tablet',
    outcome: byAuthor ? `signed by its author for ${details.name.trim()} to countersign` : signatures.length > 0 ? 'signed and published' : 'published (local sign-off, unsigned)',
    reason: '',
  });
  return { hash, doc: result.doc };
}

export type ImportResult = AcceptResult;

/**
 * Imports an SOP file's text through the same path as a replicated document
 * (acceptDocument.ts): approved only when its signature verifies against the
 * trust list, otherwise a draft with the reason.
 */
export async function importSopText(text: string, options: { db?: LogDb; today?: string; now?: string; countersignWith?: string } = {}): Promise<ImportResult> {
  return acceptLibraryDocument({ text }, { ...options, origin: 'file' });
}

/** Makes an older approved version the one the Escalate screen runs (or `null` to go back to the latest). */
export async function restoreVersion(sopId: string, hash: string | null, db: LogDb = openLogDb()): Promise<void> {
  await writePin(db, sopId, hash);
}
