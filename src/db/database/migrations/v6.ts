// Schema version 6 adds the trust tables: the library log (append-only,
// hash-chained record of every import, publish, approval and withdrawal,
// keyed by its sequence number) and this device's approver keys (the private
// key kept as a non-extractable WebCrypto key, by key id). Both start empty:
// no upgrade. Shipped: never edit this file.
import type { SchemaVersion } from './schemaVersion';

export const v6: SchemaVersion = {
  version: 6,
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
  },
};
