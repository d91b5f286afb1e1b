// The shapes stored in the episode log database. Rows hold no patient data:
// an episode is identified by a random UUID and, at most, a local reference.
// An episode row is a summary folded from its events (see episodeSummary.ts).

export type EpisodeStatus = 'open' | 'completed' | 'abandoned';
export type Urgency = 'emergency' | 'same-day' | 'urgent' | 'routine';
export type ContactResult = 'accepted' | 'advised' | 'declined' | 'noAnswer';

export const URGENCIES: readonly Urgency[] = ['emergency', 'same-day', 'urgent', 'routine'];
export const EPISODE_STATUSES: readonly EpisodeStatus[] = ['open', 'completed', 'abandoned'];

/** Genesis link of every chain: the previous hash of an episode's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ContactTally {
  role: string;
  roleType: string;
  result: ContactResult;
}

export interface EpisodeRow {
  id: string;
  sopId: string;
  sopVersion: string;
  sopHash: string;
  site: string;
  modality: string;
  operatorRole: string;
  /** Optional local episode reference. Never a patient identifier. */
  localRef: string;
  status: EpisodeStatus;
  startedAt: number;
  endedAt: number | null;
  /** '' until an outcome step is reached: IndexedDB cannot index null. */
  urgency: Urgency | '';
  outcomeStepId: string;
  firstClinicianReachedAt: number | null;
  contacts: ContactTally[];
  lastSeq: number;
  headHash: string;
  lastEventAt: number;
  appVersion: string;
  origin: 'local' | 'imported';
  /**
   * The random id of the tablet the episode ran on (from its episode-started
   * event). Absent on episodes recorded before device ids existed: read as unknown.
   */
  deviceId?: string;
}

export interface EventRow {
  episodeId: string;
  seq: number;
  /** Client-generated, so a retried append is recognised rather than written twice. */
  id: string;
  type: string;
  stepId: string;
  data: Record<string, unknown>;
  /** Wall-clock epoch ms, as the tablet's clock saw it. */
  at: number;
  /** Monotonic ms (performance.timeOrigin + performance.now()): immune to clock changes within a page. */
  mono: number;
  prevHash: string;
  hash: string;
}

/**
 * A derived read copy of an ended episode's whole chain (see episodePacks.ts):
 * exports read one of these instead of each event row.
 */
export interface PackRow {
  episodeId: string;
  lastSeq: number;
  headHash: string;
  /** The stored rows' key order, so an unpacked row serialises exactly as the row does. */
  keys: string[];
  /** JSON array of [id, type, stepId, data, at, mono], in chain order. */
  events: string;
  /** Each event's SHA-256, 32 bytes apiece, in chain order (half the size of hex text). */
  hashes: Uint8Array;
}

/**
 * A derived read copy of many ended episodes at once (see packBlocks.ts): the
 * summaries and packs of every episode whose id lies in [from, to), so an
 * export reads one row per few hundred episodes instead of two per episode.
 */
export interface PackBlockRow {
  /** The first id the block covers: the time prefix of its first episode's id. */
  from: string;
  /** The first id after the block: the time prefix of the millisecond after its last episode's. */
  to: string;
  episodeCount: number;
  eventCount: number;
  /** JSON array of the episodes' summaries, in id order (one byte per character, as a pack's text). */
  episodes: string;
  /** The stored event rows' key order, the same for every episode in the block. */
  keys: string[];
  /** JSON array of each episode's pack entries (as PackRow.events), in id order. */
  events: string;
  /** Every event's SHA-256, 32 bytes apiece, episode after episode. */
  hashes: Uint8Array;
}

export interface SopRow {
  hash: string;
  id: string;
  version: string;
  status: string;
  title: string;
  source: 'built-in' | 'local' | 'imported';
  document: unknown;
  storedAt: number;
  /** The approval signatures the version arrived or was published with (engine/trust SopSignature), checked again on every read. */
  signatures?: unknown[];
}

/** One record of the library log (libraryLog.ts): append-only, each linked to the one before by its hash. */
export interface LibraryLogRow {
  seq: number;
  /** ISO time. */
  at: string;
  action: 'import' | 'publish' | 'approve' | 'withdraw' | 'trust-list';
  /** Who did it: the signer's name, the approver named, or "this tablet". */
  who: string;
  /** What: "<sopId> <version>" or the trust list's network and number. */
  sopId: string;
  version: string;
  /** Content hash of the SOP version concerned ('' when none). */
  sopHash: string;
  /** Where it came from: a file, the network, this tablet. */
  origin: string;
  outcome: string;
  reason: string;
  prevHash: string;
  hash: string;
}

/** An approver's key made on this device: the private key never leaves it (non-extractable). */
export interface ApproverKeyRow {
  keyId: string;
  name: string;
  privateKey: CryptoKey;
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  createdAt: number;
}

/**
 * A tap's note that the monthly totals still count an earlier summary of its
 * episode (schema version 7): `counted`, as it stood at sequence number `seq`.
 * Of several notes for one episode, the oldest is the one counted.
 */
export interface StatsDueRow {
  episodeId: string;
  seq: number;
  counted: EpisodeRow;
}

export interface SnapshotRow {
  episodeId: string;
  sopHash: string;
  appVersion: string;
  seq: number;
  snapshot: unknown;
  savedAt: number;
}

export interface DirectoryRow {
  roleId: string;
  name: string;
  phone: string;
  extension: string;
  hours: string;
  fallbackRoleId: string;
  updatedAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}
