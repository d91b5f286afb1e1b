// Storage failures as the user should hear them. Every failure of the log is
// turned into a StorageError with a plain-English message; the raw error is
// kept for diagnostics but never shown.

export type StorageErrorKind = 'quota' | 'blocked' | 'conflict' | 'not-found' | 'invalid' | 'unknown';

const MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    'This device is out of storage space, so the last step was not saved to the log. Nothing was half-saved. Free some space (for example delete old downloads), then choose Try again. The escalation itself is kept on screen.',
  blocked:
    'The log could not be opened because this app is open in another tab with a different version. Close the other tabs of this app, then choose Try again.',
  conflict:
    'This episode was changed in another tab or window, so this copy was not saved to avoid splitting the record. Continue the episode in one tab only.',
  'not-found': 'That episode is not in the log on this device.',
  invalid: 'The record could not be saved because some of its details were not valid.',
  unknown: 'The last step could not be saved to the log. Nothing was half-saved. Choose Try again; if it keeps failing, note the times on paper.',
};

export class StorageError extends Error {
  readonly kind: StorageErrorKind;
  readonly userMessage: string;

  constructor(kind: StorageErrorKind, options: { cause?: unknown; userMessage?: string } = {}) {
    super(options.userMessage ?? MESSAGES[kind], { cause: options.cause });
    this.name = 'StorageError';
    this.kind = kind;
    this.userMessage = options.userMessage ?? MESSAGES[kind];
  }
}

/** A stale tab (or a retried write that lost a race) tried to extend a chain from an old head. */
export class ChainConflictError extends StorageError {
  readonly expectedSeq: number;
  readonly foundSeq: number;

  constructor(expectedSeq: number, foundSeq: number) {
    super('conflict');
    this.name = 'ChainConflictError';
    this.expectedSeq = expectedSeq;
    this.foundSeq = foundSeq;
  }
}

const BLOCKED_NAMES = new Set(['DatabaseClosedError', 'OpenFailedError', 'VersionError', 'BlockedError', 'UpgradeError']);

/** Dexie wraps native errors (`inner`), and aborts carry their cause: look through the layers. */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const record = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof record.name === 'string') names.push(record.name);
    current = record.inner ?? record.cause;
  }
  return names;
}

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return new StorageError('quota', { cause: error });
  if (names.includes('ConstraintError')) return new StorageError('conflict', { cause: error });
  if (names.some((name) => BLOCKED_NAMES.has(name))) return new StorageError('blocked', { cause: error });
  return new StorageError('unknown', { cause: error });
}
