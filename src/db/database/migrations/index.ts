// Every schema version the app has shipped, oldest first, one file each.
//
// Each vN.ts owns the code its upgrade runs: a frozen copy of the logic it
// needs (or a pinned module here, such as packFormat1.ts), never an import of
// today's log/, packs/ or read/ code, so changing a live format cannot change
// what a shipped upgrade writes to a tablet that upgrades late. A shipped file
// is never edited.
//
// To add a version (e.g. sign-offs for the SOP author):
//   1. Write vN.ts exporting `vN: SchemaVersion` with the FULL stores map (every
//      table of version N, copied from the version before and changed), and an
//      `upgrade` only if existing rows need new fields or a new table needs
//      filling; copy into the file whatever logic it runs.
//   2. Append it to SCHEMA_VERSIONS below.
//   3. Add a test in tests/db/database/migrations.test.ts that fills a database
//      as version N-1 wrote it (`new LogDb(name, N - 1)`), opens it at N, and
//      checks every old row is kept and the new fields or table are right.
import type Dexie from 'dexie';
import type { SchemaVersion } from './schemaVersion';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';
import { v6 } from './v6';
import { v7 } from './v7';

export type { SchemaVersion } from './schemaVersion';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [v1, v2, v3, v4, v5, v6, v7];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export function declareVersions(db: Dexie, upToVersion: number): void {
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > upToVersion) break;
    const declared = db.version(entry.version).stores(entry.stores);
    if (entry.upgrade) declared.upgrade(entry.upgrade);
  }
}
