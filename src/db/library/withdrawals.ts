// Withdrawing an approved SOP version: it stays in the library (and in the
// episodes that ran it) but never runs again; the Escalate screen falls back
// to the newest trusted version left, else the template. A withdrawal is
// final (a new version is published instead) and is a record in the library
// log. By this tablet's author, or from the network (an author's withdrawal
// document in the site library, which only the author role may write).
import * as v from 'valibot';
import { toStorageError, StorageError, type LogDb } from '../database';
import { appendLibraryLog } from './libraryLog';
import { localRows, writePin, readPins } from './libraryRows';

const WITHDRAWALS_KEY = 'author.withdrawals';

const withdrawalSchema = v.object({
  sopId: v.string(),
  version: v.string(),
  reason: v.pipe(v.string(), v.maxLength(500)),
  by: v.pipe(v.string(), v.maxLength(200)),
  at: v.string(),
});

export type Withdrawal = v.InferOutput<typeof withdrawalSchema>;

/** Withdrawals by content hash, validated on every read (an edited settings row cannot un-withdraw by breaking the shape silently). */
export async function readWithdrawals(db: LogDb): Promise<Record<string, Withdrawal>> {
  const parsed = v.safeParse(v.record(v.string(), withdrawalSchema), (await db.settings.get(WITHDRAWALS_KEY))?.value);
  return parsed.success ? parsed.output : {};
}

export interface WithdrawInput {
  sopId: string;
  version: string;
  reason: string;
  by: string;
  origin: 'this tablet' | 'network';
}

/**
 * Withdraws every stored approved version of `sopId` at `version` (there is
 * normally one). Returns how many were withdrawn now (0 when already withdrawn
 * or not held: a withdrawal arriving before its version is remembered by
 * sopId and version, and applies when the version arrives).
 */
export async function withdrawVersion(input: WithdrawInput, db: LogDb): Promise<number> {
  const reason = input.reason.trim();
  if (!reason) throw new StorageError('invalid', { userMessage: 'Say why the version is withdrawn: the reason goes in the library log.' });
  const rows = (await localRows(db)).filter((row) => row.status === 'approved' && row.id === input.sopId && row.version === input.version);
  const at = new Date().toISOString();
  let withdrawn = 0;
  try {
    await db.transaction('rw', db.settings, async () => {
      const current = await readWithdrawals(db);
      const key = rows.length > 0 ? null : pendingKey(input.sopId, input.version);
      for (const hash of key ? [key] : rows.map((row) => row.hash)) {
        if (current[hash]) continue;
        current[hash] = { sopId: input.sopId, version: input.version, reason, by: input.by, at };
        withdrawn += key ? 0 : 1;
      }
      await db.settings.put({ key: WITHDRAWALS_KEY, value: current });
    });
  } catch (error) {
    throw toStorageError(error);
  }
  // A version restored by hand must not stay pinned once withdrawn.
  const pins = await readPins(db);
  if (rows.some((row) => pins[input.sopId] === row.hash)) await writePin(db, input.sopId, null);
  await appendLibraryLog(db, {
    action: 'withdraw', who: input.by, sopId: input.sopId, version: input.version, sopHash: rows[0]?.hash ?? '', origin: input.origin,
    outcome: withdrawn > 0 ? 'withdrawn: never run again' : rows.length > 0 ? 'already withdrawn' : 'recorded: the version is not held here yet',
    reason,
  });
  return withdrawn;
}

/** A withdrawal that came before its version: kept by id and version. */
export const pendingKey = (sopId: string, version: string): string => `pending:${sopId}:${version}`;

/** Why an approved version may not run because it was withdrawn, or null. */
export function withdrawalOf(withdrawals: Record<string, Withdrawal>, hash: string, sopId: string, version: string): Withdrawal | null {
  return withdrawals[hash] ?? withdrawals[pendingKey(sopId, version)] ?? null;
}
