// The SOP versions episodes ran, stored once each by content hash, so a past
// episode always shows its SOP exactly as it was. Read here for the filters.
import { openLogDb, type LogDb } from '../database';
import type { SopRow } from '../database';

export interface SopSummary {
  hash: string;
  id: string;
  version: string;
  title: string;
  /** Outcome steps of this version, for the outcome filter. */
  outcomes: Array<{ id: string; title: string }>;
}

function outcomeSteps(document: unknown): SopSummary['outcomes'] {
  const steps = (document as { steps?: unknown } | null)?.steps;
  if (!Array.isArray(steps)) return [];
  return steps
    .filter((step): step is { id: string; title?: unknown; kind: string } => !!step && typeof step === 'object' && step.kind === 'outcome' && typeof step.id === 'string')
    .map((step) => ({ id: step.id, title: typeof step.title === 'string' ? step.title : step.id }));
}

export async function listSops(db: LogDb = openLogDb()): Promise<SopSummary[]> {
  const rows: SopRow[] = await db.sops.toArray();
  // Only frozen versions (keyed by content hash) can have run an episode; drafts are the author's.
  return rows
    .filter((row) => /^[0-9a-f]{64}$/.test(row.hash))
    .map((row) => ({ hash: row.hash, id: row.id, version: row.version, title: row.title, outcomes: outcomeSteps(row.document) }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.version.localeCompare(b.version));
}
