// The one way an SOP enters the library from outside, by file or by network
// replication: validate it, check its approval signature against this
// tablet's trust list, store it (approved only when the signature verifies,
// otherwise as a draft that never reaches Escalate, with the reason in plain
// words), flag a look-alike title, and record it in the library log.
import {
  checkApproval, parseSopText, splitSignedSop, validateSop, hashSop, type Problem, type SopDocument, type SopSignature, type TrustList,
} from '../../engine';
import { listApproverKeys, signWithDeviceKey } from './approverKeys';
import { openLogDb, toStorageError, type LogDb } from '../database';
import { appendLibraryLog } from './libraryLog';
import { compareVersions, listLibrary } from './library';
import { newDraftKey, localRows } from './libraryRows';
import { saveDraft, storeApproved } from './libraryPublish';
import { readTrust } from './trustStore';
import { lookAlikeOf } from './lookAlike';

export type LibraryOrigin = 'file' | 'network';

export type AcceptResult =
  | { ok: false; problems: Problem[] }
  | {
    ok: true;
    key: string;
    status: 'approved' | 'draft';
    doc: SopDocument;
    problems: Problem[];
    /** Why an "approved" document was stored as a draft, in plain words; null when it was not downgraded. */
    reason: string | null;
    /** Another SOP (other id) whose title this one's looks like. */
    lookAlike: { sopId: string; title: string } | null;
    /** The same approved version was already here. */
    duplicate: boolean;
    /**
     * The approver key on this tablet whose countersignature would make this
     * version's approval verify (it names that approver and carries its
     * author's good signature): the two-person path. Null otherwise.
     */
    countersign: { keyId: string; name: string } | null;
  };

export interface AcceptOptions {
  db?: LogDb;
  today?: string;
  /** ISO time for the key validity checks; defaults to now. */
  now?: string;
  origin?: LibraryOrigin;
  /** The person or account it came from, for the log (the network's publishedBy). */
  from?: string;
  /** Countersign with this approver key of this tablet (offered as `countersign` by an earlier call), after the approver has reviewed it. */
  countersignWith?: string;
}

interface Countersignature {
  keyId: string;
  name: string;
  signature: SopSignature;
}

/**
 * An approver key held on this tablet that the document's approval block
 * names, and whose signature added to the ones it carries makes the approval
 * verify (so a self-authored version under the two-person rule is never offered).
 */
async function countersignOffer(db: LogDb, doc: SopDocument, signatures: readonly SopSignature[], list: TrustList, now: string): Promise<Countersignature | null> {
  if (!doc.approval) return null;
  const keys = await listApproverKeys(db).catch(() => []);
  for (const key of keys) {
    const entry = list.entries.find((e) => e.keyId === key.keyId);
    if (!entry || !entry.roles.includes('approver') || entry.name !== doc.approval.name) continue;
    // Dated at the check's own time, so the check never sees it as signed in the future.
    const signature = await signWithDeviceKey(key.keyId, doc, 'approver', db, now);
    if ((await checkApproval(doc, [...signatures, signature], list, now)).ok) return { keyId: key.keyId, name: entry.name, signature };
  }
  return null;
}

async function storeSignatures(db: LogDb, hash: string, signatures: readonly SopSignature[]): Promise<void> {
  try {
    await db.sops.update(hash, { signatures: [...signatures] });
  } catch (error) {
    throw toStorageError(error);
  }
}

const asDraft = (doc: SopDocument): SopDocument => ({ ...doc, status: 'draft', approval: null });

/** The draft an import of this document stored before, if any. */
async function draftTwinOf(db: LogDb, doc: SopDocument) {
  const draft = JSON.stringify(asDraft(doc));
  return (await localRows(db)).find((row) => row.status === 'draft' && row.id === doc.id && JSON.stringify(row.document) === draft);
}

/** Why a verified approval still may not replace what the library holds for this id, or null. */
async function replacementRefusal(db: LogDb, doc: SopDocument, hash: string): Promise<{ reason: string | null; duplicate: boolean; heldUntrusted: boolean }> {
  const entries = (await listLibrary({ db, checkBuiltIns: false })).filter((e) => e.sopId === doc.id && (e.status === 'approved' || e.source === 'built-in'));
  const held = entries.find((e) => e.key === hash);
  if (held) return { reason: null, duplicate: true, heldUntrusted: held.untrusted !== null };
  const newest = entries.sort((a, b) => compareVersions(b.version, a.version))[0];
  if (newest && compareVersions(doc.version, newest.version) <= 0) {
    return { reason: `version ${doc.version} is not later than version ${newest.version} of "${doc.id}" already held here; an SOP can only be replaced by a later version`, duplicate: false, heldUntrusted: false };
  }
  return { reason: null, duplicate: false, heldUntrusted: false };
}

/**
 * Accepts a document (its text, or a parsed value from a replicated doc).
 * A signed file is `cdc-signed-sop/1` ({ document, signatures }); a plain SOP
 * has no signatures and so is never stored as approved.
 */
export async function acceptLibraryDocument(input: { text: string } | { value: unknown }, options: AcceptOptions = {}): Promise<AcceptResult> {
  const db = options.db ?? openLogDb();
  const origin = options.origin ?? 'file';
  let value: unknown;
  if ('text' in input) {
    const plain = parseSopText(input.text, { today: options.today });
    if (plain.ok || !plain.problems.some((p) => p.code === 'input/not-json' || p.code.startsWith('input/'))) {
      try {
        value = JSON.parse(input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text);
      } catch {
        return { ok: false, problems: plain.problems };
      }
    } else {
      return { ok: false, problems: plain.problems };
    }
  } else {
    value = input.value;
  }
  const { document, signatures } = splitSignedSop(value);
  const result = validateSop(document, { today: options.today });
  if (!result.ok || !result.doc) return { ok: false, problems: result.problems };
  const doc = result.doc;
  const hash = await hashSop(doc);
  const others = (await listLibrary({ db, checkBuiltIns: false })).map((e) => ({ sopId: e.sopId, title: e.title }));
  const lookAlike = lookAlikeOf(doc, others);
  const log = (outcome: string, reason: string, who: string) => appendLibraryLog(db, {
    action: 'import', who, sopId: doc.id, version: doc.version, sopHash: hash, origin: options.from ? `${origin} (${options.from})` : origin, outcome,
    reason: lookAlike ? `${reason}${reason ? '; ' : ''}its title looks like "${lookAlike.title}" (${lookAlike.sopId})` : reason,
  });

  let reason: string | null = null;
  let countersign: Countersignature | null = null;
  if (doc.status === 'approved') {
    const trust = await readTrust(db);
    const now = options.now ?? new Date().toISOString();
    if (!trust.list) {
      reason = 'this tablet has no network trust list, so no approval can be checked';
    } else {
      let signed = signatures as SopSignature[];
      let check = await checkApproval(doc, signed, trust.list, now);
      if (!check.ok) {
        countersign = await countersignOffer(db, doc, signed, trust.list, now);
        if (countersign && options.countersignWith === countersign.keyId) {
          signed = [...signed, countersign.signature];
          check = await checkApproval(doc, signed, trust.list, now);
        }
      }
      if (!check.ok) reason = `its approval does not verify: ${check.reason}`;
      else {
        const replacement = await replacementRefusal(db, doc, hash);
        if (replacement.duplicate && replacement.heldUntrusted) {
          // The same content held here without a verifying approval (the author's copy waiting for its countersignature): it takes the signatures that verify.
          await storeSignatures(db, hash, signed);
          await log('signatures added: now approved', `signed by ${check.signers.map((s) => s.name).join(', ')}`, check.approver.name);
          return { ok: true, key: hash, status: 'approved', doc, problems: result.problems, reason: null, lookAlike, duplicate: false, countersign: null };
        }
        if (replacement.duplicate) {
          await log('already held', '', check.approver.name);
          return { ok: true, key: hash, status: 'approved', doc, problems: result.problems, reason: null, lookAlike, duplicate: true, countersign: null };
        }
        if (replacement.reason) reason = replacement.reason;
        else {
          const countersigned = signed !== signatures;
          // The draft an earlier import of this file left (to be reviewed before countersigning) is replaced by the approved version.
          const reviewed = countersigned ? (await draftTwinOf(db, doc))?.hash : undefined;
          const key = await storeApproved(db, doc, 'imported', reviewed, signed);
          if (countersigned) {
            await appendLibraryLog(db, {
              action: 'approve', who: check.approver.name, sopId: doc.id, version: doc.version, sopHash: hash, origin: 'this tablet',
              outcome: 'countersigned and approved', reason: `written by ${check.signers.filter((s) => s.keyId !== check.approver.keyId).map((s) => s.name).join(', ')}`,
            });
          } else {
            await log('stored as approved', `signed by ${check.signers.map((s) => s.name).join(', ')}`, check.approver.name);
          }
          return { ok: true, key, status: 'approved', doc, problems: result.problems, reason: null, lookAlike, duplicate: false, countersign: null };
        }
      }
    }
  }
  // Everything else is a draft: it keeps its content, loses its claimed approval, and never runs.
  const draft = asDraft(doc);
  const existingDraft = await draftTwinOf(db, doc);
  const key = existingDraft?.hash ?? newDraftKey(doc.id);
  if (!existingDraft) await saveDraft(key, draft, db);
  await log('stored as draft', reason ?? `its status was "${doc.status}"`, doc.approval?.name ?? 'unknown');
  return {
    ok: true, key, status: 'draft', doc: draft, problems: result.problems, reason, lookAlike, duplicate: false,
    countersign: countersign ? { keyId: countersign.keyId, name: countersign.name } : null,
  };
}
