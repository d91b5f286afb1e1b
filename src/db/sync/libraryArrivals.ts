// What the inbox brings from the network, put into the app's store through
// the same doors as a file import: an SOP through the library's import (its
// validator, and its approval signatures checked against this tablet's trust
// list: an unsigned or forged one never reaches Escalate), the network's
// signed trust list through the same check as a trust-list file (against the
// administrator key pinned on this tablet), the directory through the directory file
// import, session defaults through a strict check. Each document is applied
// once per revision (a ledger in settings), so a restart re-applies nothing.
import * as v from 'valibot';
import { getSetting, importDirectory, putSetting } from '../config';
import { acceptLibraryDocument, installTrustList, LibraryRefusal, withdrawVersion } from '../library';
import { SIGNED_SOP_FORMAT } from '../../engine';
import { openLogDb, toStorageError, type LogDb } from '../database';
import { MODALITIES, type Modality } from '../../engine/modalities';
import { SITE_ID } from './networkNames';

export const APPLIED_KEY = 'network.applied';
export const SITES_KEY = 'network.sites';

export interface SessionDefaults {
  siteName: string;
  modality: Modality | null;
}

export type Arrival =
  | { kind: 'sop'; sopId: string; version: string }
  | { kind: 'directory'; roles: number }
  | { kind: 'defaults'; defaults: SessionDefaults }
  | { kind: 'site'; siteId: string; name: string }
  | { kind: 'trust-list'; sequence: number }
  | { kind: 'withdrawal'; sopId: string; version: string }
  | { kind: 'skipped' };

export class ArrivalRefused extends Error {
  /** `retry`: refused for now (its approver is not yet on this tablet's trust list); tried again when a trust list arrives or at the next start. */
  constructor(readonly userMessage: string, readonly retry = false) {
    super(userMessage);
    this.name = 'ArrivalRefused';
  }
}

const sopDocSchema = v.object({
  _id: v.string(), type: v.literal('sop'), sopId: v.string(), version: v.string(),
  document: v.record(v.string(), v.unknown()),
  /** The approval signatures (cdc-signed-sop/1), checked on the tablet against its trust list. */
  signatures: v.optional(v.array(v.unknown()), []),
  publishedBy: v.optional(v.string()),
});
const trustListDocSchema = v.object({ _id: v.literal('trust-list'), type: v.literal('trust-list'), signed: v.unknown() });
const directoryDocSchema = v.object({ _id: v.literal('directory'), type: v.literal('directory'), file: v.record(v.string(), v.unknown()) });
const defaultsDocSchema = v.object({
  _id: v.literal('defaults'), type: v.literal('defaults'),
  siteName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120)),
  modality: v.optional(v.nullable(v.picklist(MODALITIES)), null),
});
/** An author's withdrawal of a published version (the server lets only authors write it, as withdrawn:<sopId>:<version>). */
const withdrawalDocSchema = v.object({
  _id: v.string(), type: v.literal('withdrawal'),
  sopId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), version: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  reason: v.optional(v.pipe(v.string(), v.maxLength(500)), ''),
  withdrawnBy: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
});
const siteDocSchema = v.object({ _id: v.string(), type: v.literal('site'), siteId: v.pipe(v.string(), v.regex(SITE_ID)), name: v.pipe(v.string(), v.maxLength(120)) });

async function readApplied(db: LogDb): Promise<Record<string, string>> {
  const value = await getSetting(APPLIED_KEY, db);
  return value && typeof value === 'object' ? { ...(value as Record<string, string>) } : {};
}

export async function readNetworkSites(db: LogDb = openLogDb()): Promise<Record<string, string>> {
  const value = await getSetting(SITES_KEY, db);
  return value && typeof value === 'object' ? { ...(value as Record<string, string>) } : {};
}

async function applySop(raw: unknown, db: LogDb): Promise<Arrival> {
  const parsed = v.safeParse(sopDocSchema, raw);
  if (!parsed.success) throw new ArrivalRefused('An SOP from the network was malformed and was not added.');
  const { sopId, version, document } = parsed.output;
  const label = `SOP "${sopId}" version ${version}`;
  if (document.id !== sopId || document.version !== version) throw new ArrivalRefused(`${label} from the network does not match its label and was not added.`);
  if (document.status !== 'approved') throw new ArrivalRefused(`${label} from the network is not signed off and was not added.`);
  try {
    const result = await acceptLibraryDocument(
      { value: { format: SIGNED_SOP_FORMAT, document, signatures: parsed.output.signatures } },
      { db, origin: 'network', ...(parsed.output.publishedBy ? { from: parsed.output.publishedBy } : {}) },
    );
    if (!result.ok) {
      const first = result.problems.find((problem) => problem.severity === 'error') ?? result.problems[0];
      throw new ArrivalRefused(`${label} from the network was refused by the SOP checks${first ? `: ${first.message}` : ''}.`);
    }
    if (result.status !== 'approved') {
      throw new ArrivalRefused(`${label} from the network is not on Escalate: ${result.reason ?? 'its approval does not verify against this tablet\'s trust list'}. It was kept as a draft.`, true);
    }
  } catch (error) {
    if (error instanceof ArrivalRefused) throw error;
    if (error instanceof LibraryRefusal) throw new ArrivalRefused(`${label} from the network was refused: ${error.message}`);
    if (error instanceof Error && error.name !== 'StorageError' && 'userMessage' in error) throw new ArrivalRefused(`${label} from the network was refused: ${String((error as { userMessage: unknown }).userMessage)}`);
    throw error;
  }
  return { kind: 'sop', sopId, version };
}

async function applyTrustList(raw: unknown, db: LogDb): Promise<Arrival> {
  const parsed = v.safeParse(trustListDocSchema, raw);
  if (!parsed.success) throw new ArrivalRefused('The trust list from the network was malformed and was not used.');
  const result = await installTrustList(parsed.output.signed, db, 'network');
  if (!result.ok) throw new ArrivalRefused(`The trust list from the network was refused: ${result.reason}`);
  return { kind: 'trust-list', sequence: result.list.sequence };
}

async function applyDirectory(raw: unknown, db: LogDb): Promise<Arrival> {
  const parsed = v.safeParse(directoryDocSchema, raw);
  if (!parsed.success) throw new ArrivalRefused('The contacts directory from the network was malformed and was not used.');
  const result = await importDirectory(JSON.stringify(parsed.output.file), db);
  if (!result.ok) throw new ArrivalRefused(`The contacts directory from the network was refused: ${result.problems[0] ?? 'it is not valid'}.`);
  return { kind: 'directory', roles: result.entries.length };
}

function applyDefaults(raw: unknown): Arrival {
  const parsed = v.safeParse(defaultsDocSchema, raw);
  if (!parsed.success) throw new ArrivalRefused('The session defaults from the network were malformed and were not used.');
  return { kind: 'defaults', defaults: { siteName: parsed.output.siteName, modality: parsed.output.modality ?? null } };
}

async function applySite(raw: unknown, db: LogDb): Promise<Arrival> {
  const parsed = v.safeParse(siteDocSchema, raw);
  if (!parsed.success) throw new ArrivalRefused('A site record from the network was malformed.');
  const sites = await readNetworkSites(db);
  sites[parsed.output.siteId] = parsed.output.name;
  await putSetting(SITES_KEY, sites, db);
  return { kind: 'site', siteId: parsed.output.siteId, name: parsed.output.name };
}

async function applyWithdrawal(raw: unknown, db: LogDb): Promise<Arrival> {
  const parsed = v.safeParse(withdrawalDocSchema, raw);
  if (!parsed.success || parsed.output._id !== `withdrawn:${parsed.output.sopId}:${parsed.output.version}`) {
    throw new ArrivalRefused('A withdrawal from the network was malformed and was not applied; tell the network administrator.');
  }
  const { sopId, version, reason, withdrawnBy } = parsed.output;
  await withdrawVersion({ sopId, version, reason: reason || 'Withdrawn by the network (no reason given).', by: withdrawnBy || 'network author', origin: 'network' }, db);
  return { kind: 'withdrawal', sopId, version };
}

/**
 * Applies one replicated document to the store, once per revision. Refusals
 * (ArrivalRefused) are recorded as applied too: the same bad revision is not
 * retried; a corrected one (new revision) is. Storage failures are thrown
 * (StorageError) and not recorded, so the document is tried again later.
 */
export async function applyArrival(raw: unknown, db: LogDb = openLogDb()): Promise<Arrival> {
  const record = (raw && typeof raw === 'object' ? raw : {}) as { _id?: unknown; _rev?: unknown; _deleted?: unknown; type?: unknown };
  const id = typeof record._id === 'string' ? record._id : '';
  const rev = typeof record._rev === 'string' ? record._rev : '';
  if (!id || id.startsWith('_design/') || record._deleted === true) return { kind: 'skipped' };
  const applied = await readApplied(db);
  if (applied[id] === rev) return { kind: 'skipped' };
  const remember = async () => {
    applied[id] = rev;
    await putSetting(APPLIED_KEY, applied, db);
  };
  try {
    let arrival: Arrival;
    if (record.type === 'sop') arrival = await applySop(raw, db);
    else if (record.type === 'directory') arrival = await applyDirectory(raw, db);
    else if (record.type === 'defaults') arrival = applyDefaults(raw);
    else if (record.type === 'site') arrival = await applySite(raw, db);
    else if (record.type === 'trust-list') arrival = await applyTrustList(raw, db);
    else if (record.type === 'withdrawal') arrival = await applyWithdrawal(raw, db);
    else arrival = { kind: 'skipped' };
    await remember();
    return arrival;
  } catch (error) {
    if (error instanceof ArrivalRefused) {
      if (!error.retry) await remember();
      throw error;
    }
    throw toStorageError(error);
  }
}
