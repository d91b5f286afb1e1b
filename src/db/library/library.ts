// The author's library: every SOP the app holds (built-in templates, local
// drafts and approved versions), and which version the Escalate screen runs
// for each finding. Every stored document is validated again when read.
import { validateSop } from '../../engine/validate/validateSop';
import type { SopDocument } from '../../engine/schema/document';
import type { Modality } from '../../engine/schema/primitives';
import type { Problem } from '../../engine/validate/problem';
import { hashSop } from '../../engine';
import { openLogDb, type LogDb } from '../database';
import { isDraftKey, localRows, readPins, readSignOffs, type SignOff } from './libraryRows';
import { checkApproval, splitSignedSop } from '../../engine/trust';
import type { SopRow } from '../database';
import { readTrust } from './trustStore';
import { readWithdrawals, withdrawalOf, type Withdrawal } from './withdrawals';

// Verified once per content hash and trust list: the Escalate list asks on every start.
const verdicts = new Map<string, string | null>();

/**
 * On a tablet that holds a trust list, an approved local version runs only
 * while its signature verifies against that list now (a revoked or expired
 * key takes it off Escalate; the built-in template or an older trusted
 * version runs instead). A tablet without a trust list keeps local sign-offs.
 */
async function markUntrusted(db: LogDb, entries: LibraryEntry[], rows: readonly SopRow[]): Promise<void> {
  const approved = entries.filter((e) => e.status === 'approved' && e.doc !== null);
  if (approved.length === 0) return;
  const trust = await readTrust(db);
  if (!trust.adminKeyId) return;
  const now = new Date().toISOString();
  for (const entry of approved) {
    if (!trust.list) {
      entry.untrusted = 'this tablet has no valid trust list, so no approval can be checked';
      continue;
    }
    const row = rows.find((r) => r.hash === entry.key);
    const { signatures } = splitSignedSop({ format: 'cdc-signed-sop/1', document: entry.document, signatures: row?.signatures ?? [] });
    // The verdict depends on the content, the signatures it carries now (a countersignature may be added), the list and the day.
    const cacheKey = [entry.key, trust.adminKeyId, trust.list.sequence, now.slice(0, 10), ...signatures.map((sig) => sig.signature)].join('|');
    if (!verdicts.has(cacheKey)) {
      const check = await checkApproval(entry.doc!, signatures, trust.list, now);
      verdicts.set(cacheKey, check.ok ? null : check.reason);
    }
    entry.untrusted = verdicts.get(cacheKey) ?? null;
  }
}

export interface LibraryEntry {
  /** Content hash of a frozen version, or the "draft:…" key of a draft. */
  key: string;
  sopId: string;
  title: string;
  version: string;
  status: 'template' | 'draft' | 'approved';
  source: 'built-in' | 'local';
  /** As stored; a draft may be unfinished. */
  document: unknown;
  /** The document when it passes the schema (it may still have rule errors). */
  doc: SopDocument | null;
  problems: Problem[];
  /** Fails validation: shown, never run. */
  broken: boolean;
  reviewDue: string;
  overdue: boolean;
  storedAt: number;
  signOff: SignOff | null;
  /** This is the version the Escalate screen runs for its finding. */
  inUse: boolean;
  pinned: boolean;
  /**
   * Why an approved local version may not run on this tablet (its signature
   * does not verify against the trust list now: revoked, expired, unsigned),
   * or null. Only set on a tablet that holds a trust list.
   */
  untrusted: string | null;
  /** The approval signatures stored with a local version (unchecked here; exported with the file so another tablet can check them). */
  signatures: readonly unknown[];
  /** Withdrawn by an author: never run again (why, by whom, when). */
  withdrawn: Withdrawal | null;
}

export interface LibraryOptions {
  db?: LogDb;
  /**
   * Validate the shipped templates too (default). The Escalate list passes
   * false: the templates are part of the app, checked by its test suite
   * (tests/sops), and re-validating all of them delayed every start.
   * Stored local versions are always validated.
   */
  checkBuiltIns?: boolean;
  /** The shipped templates; defaults to those registered with `registerBuiltInSops`. */
  builtIns?: readonly SopDocument[];
  /** YYYY-MM-DD, for the review-due check. */
  today?: string;
}

/** The resuscitation pathway's id: it is run from the collapse button, never listed. */
export const COLLAPSE_SOP_ID = 'collapse';

// The shipped templates are data in src/sops, which the database layer does not
// import (layering): the app (and the test set-up) registers them at start.
let registeredBuiltIns: readonly SopDocument[] = [];

// Built-in documents never change while the app runs: hash each once.
const builtInHashes = new WeakMap<SopDocument, Promise<string>>();

/**
 * `hashes` are content hashes worked out when the app was built (by id); a
 * test keeps them equal to the documents' own, so starting never re-hashes.
 */
export function registerBuiltInSops(docs: readonly SopDocument[], hashes: Readonly<Record<string, string>> = {}): void {
  registeredBuiltIns = docs;
  for (const doc of docs) {
    const known = Object.hasOwn(hashes, doc.id) ? hashes[doc.id] : undefined;
    if (known && /^[0-9a-f]{64}$/.test(known)) builtInHashes.set(doc, Promise.resolve(known));
  }
}

function builtInHash(doc: SopDocument): Promise<string> {
  let hash = builtInHashes.get(doc);
  if (!hash) {
    hash = hashSop(doc);
    builtInHashes.set(doc, hash);
  }
  return hash;
}

const todayOf = (options: LibraryOptions): string => options.today ?? new Date().toISOString().slice(0, 10);

/** Orders "1.10.0" after "1.9.0". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0 && !Number.isNaN(diff)) return diff;
  }
  return 0;
}

/** A shipped template taken as the test suite proved it: valid, no problems listed. */
function trustedResult(document: unknown): ReturnType<typeof validateSop> {
  return { ok: true, doc: document as SopDocument, problems: [] };
}

function entryOf(key: string, document: unknown, source: LibraryEntry['source'], storedAt: number, today: string, check = true): LibraryEntry {
  const result = check ? validateSop(document, { today }) : trustedResult(document);
  const doc = result.doc ?? null;
  const raw = (document ?? {}) as Partial<Record<string, unknown>>;
  const status = isDraftKey(key) ? 'draft' : doc?.status ?? (raw.status === 'approved' ? 'approved' : 'template');
  const reviewDue = doc?.reviewDue ?? (typeof raw.reviewDue === 'string' ? raw.reviewDue : '');
  return {
    key,
    sopId: doc?.id ?? (typeof raw.id === 'string' ? raw.id : '(no id)'),
    title: doc?.title ?? (typeof raw.title === 'string' ? raw.title : '(untitled)'),
    version: doc?.version ?? (typeof raw.version === 'string' ? raw.version : '?'),
    status,
    source,
    document,
    doc,
    problems: result.problems,
    broken: !result.ok && status !== 'draft',
    reviewDue,
    overdue: reviewDue !== '' && reviewDue < today,
    storedAt,
    signOff: null,
    inUse: false,
    pinned: false,
    untrusted: null,
    signatures: [],
    withdrawn: null,
  };
}

/** The version to run: the pinned approved version, else the latest approved, else the template. */
function chooseActive(entries: LibraryEntry[], pin: string | undefined): LibraryEntry | undefined {
  const runnable = entries.filter((e) => !e.broken && e.status !== 'draft' && e.doc !== null && e.untrusted === null && e.withdrawn === null);
  const approved = runnable
    .filter((e) => e.source === 'local' && e.status === 'approved')
    .sort((a, b) => compareVersions(b.version, a.version) || b.storedAt - a.storedAt);
  return approved.find((e) => e.key === pin) ?? approved[0] ?? runnable.find((e) => e.source === 'built-in');
}

/** Every SOP the app holds, grouped by SOP id (templates first, then versions newest first, then drafts). */
export async function listLibrary(options: LibraryOptions = {}): Promise<LibraryEntry[]> {
  const db = options.db ?? openLogDb();
  const today = todayOf(options);
  const [rows, pins, signOffs, withdrawals] = await Promise.all([localRows(db), readPins(db), readSignOffs(db), readWithdrawals(db)]);
  const builtIns = await Promise.all(
    (options.builtIns ?? registeredBuiltIns).map(async (doc) => entryOf(await builtInHash(doc), doc, 'built-in', 0, today, options.checkBuiltIns ?? true)),
  );
  const locals = rows.map((row) => {
    const entry = entryOf(row.hash, row.document, 'local', row.storedAt, today);
    const withdrawn = entry.status === 'approved' ? withdrawalOf(withdrawals, row.hash, entry.sopId, entry.version) : null;
    return { ...entry, signatures: row.signatures ?? [], withdrawn };
  });
  await markUntrusted(db, locals, rows);
  const all = [...builtIns, ...locals];
  const bySop = new Map<string, LibraryEntry[]>();
  for (const entry of all) {
    entry.signOff = signOffs.filter((s) => s.hash === entry.key).at(-1) ?? null;
    const list = bySop.get(entry.sopId) ?? [];
    list.push(entry);
    bySop.set(entry.sopId, list);
  }
  const rank = { 'built-in': 0, approved: 1, draft: 2 } as const;
  const ordered: LibraryEntry[] = [];
  for (const [sopId, entries] of bySop) {
    const active = chooseActive(entries, pins[sopId]);
    for (const entry of entries) {
      entry.inUse = entry === active;
      entry.pinned = pins[sopId] === entry.key;
    }
    entries.sort((a, b) => {
      const ra = a.source === 'built-in' ? rank['built-in'] : a.status === 'draft' ? rank.draft : rank.approved;
      const rb = b.source === 'built-in' ? rank['built-in'] : b.status === 'draft' ? rank.draft : rank.approved;
      return ra - rb || compareVersions(b.version, a.version) || b.storedAt - a.storedAt;
    });
    ordered.push(...entries);
  }
  return ordered;
}

export interface ActiveSop {
  doc: SopDocument;
  /** Content hash: what the episode log records as the SOP run. */
  hash: string;
  source: 'built-in' | 'local';
}

function activeFrom(entries: LibraryEntry[]): ActiveSop[] {
  return entries.flatMap((e) => (e.inUse && e.doc !== null ? [{ doc: e.doc, hash: e.key, source: e.source }] : []));
}

/**
 * The documents the Escalate screen should run, one per finding: the pinned
 * approved local version if one was restored, else the latest approved local
 * version, else the built-in template. Broken documents are never returned.
 * `modality` keeps only SOPs that list it. The collapse pathway is not in
 * this list; use `activeSopFor(COLLAPSE_SOP_ID)` for it.
 */
export async function activeSops(modality?: Modality, options: LibraryOptions = {}): Promise<ActiveSop[]> {
  const active = activeFrom(await listLibrary({ checkBuiltIns: false, ...options }));
  return active.filter((a) => a.doc.id !== COLLAPSE_SOP_ID && (modality === undefined || a.doc.modalities.includes(modality)));
}

/** The document the Escalate screen should run for one finding (see `activeSops`), or null if none is runnable. */
export async function activeSopFor(sopId: string, options: LibraryOptions = {}): Promise<ActiveSop | null> {
  const active = activeFrom((await listLibrary({ checkBuiltIns: false, ...options })).filter((e) => e.sopId === sopId));
  return active[0] ?? null;
}
