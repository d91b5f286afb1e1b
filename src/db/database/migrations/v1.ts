// Schema version 1, as the first release shipped it: no upgrade (a new database).
// Shipped: never edit this file.
import type { SchemaVersion } from './schemaVersion';

export const v1: SchemaVersion = {
  version: 1,
  stores: {
    episodes: 'id, startedAt, [sopId+startedAt], [site+startedAt], [modality+startedAt], [status+startedAt]',
    events: '[episodeId+seq]',
    sops: 'hash, id',
    snapshots: 'episodeId',
    directory: 'roleId',
    settings: 'key',
  },
};
