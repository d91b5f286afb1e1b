// One tablet's sync: PouchDB replications do all the protocol work (live,
// retrying with back-off, checkpointed). Push: the outbox to cdc-log-<site>.
// Pull: cdc-library-<site> and cdc-network into local inboxes, each arriving
// document applied to Dexie through libraryArrivals (the file-import doors).
// Everything that happens is reported as one status in plain words.
import { openLogDb, type LogDb } from '../database';
import type { NetworkCredentials } from './networkCredentials';
import { inboxName, libraryDbName, logDbName, NETWORK_DB, outboxName } from './networkNames';
import { fillOutbox, eventsNotQueued } from './outboxFill';
import { applyArrival, ArrivalRefused, type Arrival } from './libraryArrivals';
import type { PouchDb, PouchFactory } from './pouchFactory';
import {
  deniedMessage, isAccessRefusal, isStorageFull, REVOKED_MESSAGE, STORAGE_FULL_MESSAGE, unreachableMessage,
} from './syncProblems';

export type SyncPhase = 'connecting' | 'sending' | 'up-to-date' | 'offline' | 'unreachable' | 'revoked' | 'problem';

export interface SyncReport {
  phase: SyncPhase;
  /** When the tablet last finished a round with the server (epoch ms), if ever in this run. */
  lastSyncAt: number | null;
  /** Events in the log not yet on the server. */
  waiting: number;
  /** The problem to show, in plain words; null when there is none. */
  problem: string | null;
  /** Library documents refused by the checks (shown, the rest is used). */
  refused: string[];
}

export interface SyncSessionOptions {
  credentials: NetworkCredentials;
  deviceId: string;
  pouch: PouchFactory;
  db?: LogDb;
  onReport(report: SyncReport): void;
  /** Something new reached the library, the directory or the session defaults. */
  onArrival?(arrival: Arrival): void;
  isOnline?(): boolean;
  now?(): number;
  /** PouchDB's retry back-off (ms to wait after `delay`); tests shorten it. PouchDB's own is used by default. */
  backOff?(delay: number): number;
  /**
   * Resolves when arrivals may be written to the store: the app waits until no
   * episode is running, so a library or directory update never competes with a tap.
   */
  whenQuiet?(): Promise<void>;
}

export interface SyncSession {
  /** Queues what the log holds that the outbox does not (call when idle or when an episode ends). */
  fill(): Promise<void>;
  stop(): Promise<void>;
  report(): SyncReport;
}

const PUSHED_DOC = '_local/cdc-pushed';

type Replication = PouchDB.Replication.Replication<Record<string, unknown>>;

export function startSyncSession(options: SyncSessionOptions): SyncSession {
  const { credentials, pouch } = options;
  const db = options.db ?? openLogDb();
  const now = options.now ?? Date.now;
  const online = options.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));
  const context = { siteId: credentials.site, deviceId: options.deviceId, account: credentials.user };
  const outbox = pouch.local(outboxName(credentials.site));
  const remoteLog = pouch.remote(logDbName(credentials.site));
  const inboxes: Array<{ remote: PouchDb; local: PouchDb }> = [libraryDbName(credentials.site), NETWORK_DB].map((name) => ({
    remote: pouch.remote(name),
    local: pouch.local(inboxName(name)),
  }));

  const state: SyncReport = { phase: 'connecting', lastSyncAt: null, waiting: 0, problem: null, refused: [] };
  let stopped = false;
  let pushedSeq: number | string = 0;
  let deniedCount = 0;
  let storageProblem = false;
  let linkError: unknown = null;
  const replications: Replication[] = [];
  let signalStop: () => void = () => undefined;
  const stopSignal = new Promise<void>((resolve) => {
    signalStop = resolve;
  });
  const retry = options.backOff ? { back_off_function: options.backOff } : {};

  const emit = () => {
    if (!stopped) options.onReport({ ...state, refused: [...state.refused] });
  };

  const settle = () => {
    if (state.phase === 'revoked') return;
    if (storageProblem) {
      state.phase = 'problem';
      state.problem = STORAGE_FULL_MESSAGE;
    } else if (linkError) {
      state.phase = online() ? 'unreachable' : 'offline';
      state.problem = unreachableMessage(online(), state.waiting);
    } else if (deniedCount > 0) {
      state.phase = 'problem';
      state.problem = deniedMessage(deniedCount);
    } else {
      state.problem = state.refused.length > 0 ? state.refused.at(-1)! : null;
    }
    // Events queued after the last round: the tablet is not "synced" until the server has them.
    if (state.phase === 'up-to-date' && state.waiting > 0) state.phase = 'sending';
    emit();
  };

  /** Events the server does not have yet: not queued, plus queued since the last pushed checkpoint. */
  const countWaiting = async () => {
    try {
      const notQueued = await eventsNotQueued(db);
      const changes = await outbox.changes({ since: pushedSeq, return_docs: true });
      const queued = changes.results.filter((change) => change.id.startsWith('ev:')).length;
      state.waiting = notQueued + queued;
    } catch {
      // The count is advice; a failed read leaves the last figure.
    }
  };

  const revoke = () => {
    state.phase = 'revoked';
    state.problem = REVOKED_MESSAGE;
    for (const replication of replications) replication.cancel();
    emit();
  };

  const onLinkError = (error: unknown) => {
    if (stopped) return;
    if (isAccessRefusal(error)) return revoke();
    if (isStorageFull(error)) storageProblem = true;
    else linkError = error ?? true;
    void countWaiting().then(settle);
  };

  const onUpToDate = () => {
    if (stopped || state.phase === 'revoked') return;
    linkError = null;
    state.lastSyncAt = now();
    void countWaiting().then(() => {
      if (state.phase !== 'revoked') state.phase = state.waiting > 0 ? 'sending' : 'up-to-date';
      settle();
    });
  };

  const watch = (replication: Replication) => {
    replications.push(replication);
    replication.on('paused', (error?: unknown) => (error ? onLinkError(error) : onUpToDate()));
    replication.on('error', onLinkError);
    // PouchDB says 'paused' with the error only when a replication was busy; a refusal met by an idle live
    // replication (an account deleted by the administrator) is told only as a request error.
    (replication as unknown as { on(event: 'requestError', listener: (error: unknown) => void): void }).on('requestError', onLinkError);
    replication.on('active', () => {
      if (stopped || state.phase === 'revoked') return;
      linkError = null;
    });
    return replication;
  };

  // Push: the outbox, as PouchDB replicates it.
  const push = watch(pouch.replicate(outbox, remoteLog, { live: true, retry: true, batch_size: 200, ...retry }));
  // PouchDB says when a batch's checkpoint is written: everything up to it is on the server (sent now or before).
  (push as unknown as { on(event: 'checkpoint', listener: (info: { checkpoint?: number | string }) => void): void }).on('checkpoint', (info) => {
    if (info.checkpoint === undefined) return;
    pushedSeq = info.checkpoint;
    void outbox.get(PUSHED_DOC).catch(() => ({ _id: PUSHED_DOC })).then((doc) => outbox.put({ ...doc, _id: PUSHED_DOC, seq: pushedSeq })).catch(() => undefined);
    void countWaiting().then(settle);
  });
  push.on('change', () => {
    if (state.phase !== 'revoked') state.phase = 'sending';
  });
  push.on('denied', () => {
    deniedCount += 1;
    settle();
  });

  // Applying arrivals one after another, in the order they came.
  let applying: Promise<void> = Promise.resolve();
  const apply = (docs: readonly unknown[]) => {
    applying = applying.then(async () => {
      // Stopping never waits for quiet (a restart mid-episode must not hang).
      if (options.whenQuiet) await Promise.race([options.whenQuiet(), stopSignal]);
      for (const doc of docs) {
        if (stopped) return;
        try {
          const arrival = await applyArrival(doc, db);
          if (arrival.kind !== 'skipped') options.onArrival?.(arrival);
          // A new trust list may verify SOPs that arrived before it: look at everything received again.
          if (arrival.kind === 'trust-list') void reapplyInboxes();
          storageProblem = false;
        } catch (error) {
          if (error instanceof ArrivalRefused) state.refused = [...state.refused, error.userMessage].slice(-5);
          else if (isStorageFull(error)) storageProblem = true;
          else state.refused = [...state.refused.slice(-4), 'A document from the network could not be stored on this tablet; it is tried again at the next start.'];
        }
      }
      settle();
    });
    return applying;
  };

  const reapplyInboxes = () => Promise.all(inboxes.map(({ local }) => local.allDocs({ include_docs: true })
    .then((all) => apply(all.rows.map((row) => row.doc))).catch(() => undefined)));
  for (const [index, { remote, local }] of inboxes.entries()) {
    // What an earlier run received but could not apply (storage full, closed mid-way, an approver not yet trusted) is applied first.
    void local.allDocs({ include_docs: true }).then((all) => apply(all.rows.map((row) => row.doc))).catch(() => undefined);
    // The library is followed live; the network's site list changes rarely and is read once a session, so a
    // tablet holds one long-poll connection to the server, not two (browsers allow six per server).
    const live = index === 0;
    const pull = watch(pouch.replicate(remote, local, { live, retry: live, ...retry }));
    pull.on('change', (info) => void apply(info.docs));
  }

  void outbox.get<{ seq: number | string }>(PUSHED_DOC).then((doc) => {
    pushedSeq = doc.seq;
  }).catch(() => undefined).then(countWaiting).then(emit);

  let filling: Promise<void> | null = null;
  const fill = () => {
    filling ??= fillOutbox(outbox, context, db)
      .then(() => {
        storageProblem = false;
      })
      .catch((error: unknown) => {
        if (isStorageFull(error)) storageProblem = true;
      })
      .then(countWaiting)
      .then(settle)
      .finally(() => {
        filling = null;
      });
    // With nothing to push, an idle tablet would not learn it was withdrawn until its next episode: one small
    // read of its own log database asks. Only a refusal counts here; the replications report the link.
    void remoteLog.info().catch((error: unknown) => {
      if (!stopped && state.phase !== 'revoked' && isAccessRefusal(error)) revoke();
    });
    return filling;
  };

  return {
    fill,
    report: () => ({ ...state, refused: [...state.refused] }),
    async stop() {
      stopped = true;
      signalStop();
      for (const replication of replications) replication.cancel();
      await Promise.allSettled([filling, applying]);
    },
  };
}
