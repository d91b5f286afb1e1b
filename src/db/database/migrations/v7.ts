// Schema version 7 adds `statsDue`: notes left by taps whose write changed a
// figure on the dashboard without touching its monthly totals (so the tap's
// transaction needs no read), keyed by episode and the sequence number of the
// summary each holds. A follow-up transaction moves the totals on from the
// oldest note and deletes them; notes left behind by a crash are settled
// before the dashboard reads (read/dueStats.ts).
// Starts empty: no upgrade. Shipped: never edit this file.
import type { SchemaVersion } from './schemaVersion';

export const v7: SchemaVersion = {
  version: 7,
  stores: {
    episodes:
      'id, startedAt, [sopId+startedAt], [site+startedAt], [modality+startedAt], [status+startedAt], [urgency+startedAt], [outcomeStepId+startedAt]',
    events: '[episodeId+seq]',
    sops: 'hash, id',
    snapshots: 'episodeId',
    directory: 'roleId',
    settings: 'key',
    monthlyStats: 'key, month',
    packs: 'episodeId',
    packBlocks: '[from+to]',
    libraryLog: 'seq',
    approverKeys: 'keyId',
    statsDue: '[episodeId+seq]',
  },
};
