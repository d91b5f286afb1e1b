// The tablet's sync against a stand-in server (PouchDB memory databases):
// the outbox pushed by PouchDB's replication, library documents pulled and
// applied through the file-import checks, and every fault (server down,
// offline, partial push, revoked, full disk) reported in plain words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeSops } from '../../../src/db/library';
import { listDirectory } from '../../../src/db/config';
import type { LogDb } from '../../../src/db/database';
import {
  REVOKED_MESSAGE, STORAGE_FULL_MESSAGE, startSyncSession, type Arrival, type NetworkCredentials, type PouchDb, type SyncReport, type SyncSession,
} from '../../../src/db/sync';
import { builtInSops } from '../../../src/sops';
import { completeSameDay, freshDb, MINUTE, reachRegistrar, recordEpisode, T0 } from '../logFixtures';
import { memoryNetwork, type MemoryNetwork } from './memoryPouch';
import { network as trustNetwork, person, signedFile, type Person } from '../../support/trustFixtures';
import { installTrustList, pinAdminKey } from '../../../src/db/library';
import type { SopDocument } from '../../../src/engine';

const credentials: NetworkCredentials = { url: 'https://network.test', user: 'device-00112233aabbccdd', secret: 'a'.repeat(64), site: 'leeds-cdc', enrolledAt: T0, pending: false };
const fastAf = builtInSops.find((s) => s.id === 'fast-af')!;
const signedFastAf = { ...fastAf, version: '3.0.0', status: 'approved', approval: { name: 'Dr A Approver', role: 'Consultant cardiologist', date: '2026-11-01' }, reviewDue: '2027-11-01' };

/** The network's people and signed trust list, and a library document for an SOP signed by its approver (or by `signer`). */
async function trustedNetwork() {
  const net = await trustNetwork();
  const sopDoc = async (version: string, changes: Record<string, unknown> = {}, signer: Person = net.approver) => {
    const document = { ...signedFastAf, version, ...changes } as unknown as SopDocument;
    const file = await signedFile(document, [{ who: signer, role: 'approver' }]);
    return { _id: `sop:fast-af:${version}`, type: 'sop', sopId: 'fast-af', version, document, signatures: file.signatures, publishedAt: T0, publishedBy: 'author' };
  };
  const pinOn = (db: LogDb) => pinAdminKey(net.admin.publicJwk, db);
  return { ...net, sopDoc, pinOn };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ids = async (db: PouchDb) => (await db.allDocs()).rows.map((row) => row.id).filter((id) => !id.startsWith('_'));

interface Running {
  session: SyncSession;
  reports: SyncReport[];
  arrivals: Arrival[];
  last(): SyncReport;
}

let running: SyncSession[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.map((session) => session.stop()));
  running = [];
});

function start(network: MemoryNetwork, db: LogDb, extra: { online?: boolean; whenQuiet?: () => Promise<void> } = {}): Running {
  const reports: SyncReport[] = [];
  const arrivals: Arrival[] = [];
  const session = startSyncSession({
    credentials, deviceId: 'tablet-1', pouch: network.factory(), db,
    onReport: (report) => reports.push(report),
    onArrival: (arrival) => arrivals.push(arrival),
    isOnline: () => extra.online ?? true,
    backOff: () => 30,
    whenQuiet: extra.whenQuiet,
  });
  running.push(session);
  return { session, reports, arrivals, last: () => reports.at(-1) ?? session.report() };
}

async function twoEpisodes(db: LogDb) {
  const ended = await recordEpisode(db, { events: [reachRegistrar(T0 + MINUTE), ...completeSameDay(T0 + 2 * MINUTE)] });
  const open = await recordEpisode(db, { startedAt: T0 + 10 * MINUTE, events: [reachRegistrar(T0 + 11 * MINUTE)] });
  return { ended, open, events: ended.lastSeq + open.lastSeq };
}

describe('pushing the log', () => {
  it('sends every local event once, with the episode identity, device and site, and says it is up to date', async () => {
    const db = freshDb();
    const { ended, open, events } = await twoEpisodes(db);
    const other = await recordEpisode(db, { startedAt: T0 + 20 * MINUTE });
    await db.episodes.update(other.id, { origin: 'imported' });
    const network = memoryNetwork();
    const sync = start(network, db);
    await until(() => sync.last().waiting === events, 'the waiting count');
    await sync.session.fill();
    const server = network.server('cdc-log-leeds-cdc');
    await until(async () => (await ids(server)).length === events + 2, 'the push');
    const stored = await ids(server);
    expect(stored).toContain(`ep:${ended.id}`);
    expect(stored).toContain(`ev:${open.id}:00000002`);
    expect(stored.some((id) => id.includes(other.id))).toBe(false);
    const doc = (await server.get(`ev:${ended.id}:00000001`)) as unknown as Record<string, unknown>;
    expect(doc).toMatchObject({ type: 'event', siteId: 'leeds-cdc', deviceId: 'tablet-1', account: credentials.user });
    expect((doc.event as { hash: string }).hash).toBe((await db.events.get([ended.id, 1]))!.hash);
    await until(() => sync.last().phase === 'up-to-date' && sync.last().waiting === 0, 'up to date');
    expect(sync.last().lastSyncAt).not.toBeNull();
    expect(sync.last().problem).toBeNull();
  });

  it('adds nothing when filled twice or when the same events are pushed again by a new session', async () => {
    const db = freshDb();
    const { events } = await twoEpisodes(db);
    const network = memoryNetwork();
    const first = start(network, db);
    await first.session.fill();
    await first.session.fill();
    const server = network.server('cdc-log-leeds-cdc');
    await until(async () => (await ids(server)).length === events + 2, 'the push');
    await first.session.stop();
    await db.settings.delete('network.outboxQueued');
    const second = start(network, db);
    await second.session.fill();
    await until(() => second.last().phase === 'up-to-date', 'the second round');
    expect(await ids(server)).toHaveLength(events + 2);
    const info = await server.info();
    expect(info.doc_count).toBe(events + 2);
  });

  it('keeps events through a server that fails mid-push, says it cannot be reached, and sends them all once it is back', async () => {
    const db = freshDb();
    const { events } = await twoEpisodes(db);
    const network = memoryNetwork();
    let failures = 3;
    network.intercept('cdc-log-leeds-cdc', (remote) => {
      const bulkDocs = remote.bulkDocs.bind(remote);
      remote.bulkDocs = ((...args: Parameters<typeof bulkDocs>) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(Object.assign(new Error('connection reset'), { status: 500, name: 'unknown_error' }));
        }
        return bulkDocs(...args);
      }) as typeof remote.bulkDocs;
    });
    const sync = start(network, db);
    await sync.session.fill();
    await until(() => sync.reports.some((r) => r.phase === 'unreachable'), 'the unreachable report');
    const down = sync.reports.find((r) => r.phase === 'unreachable')!;
    expect(down.problem).toMatch(/cannot be reached/);
    expect(down.problem).toMatch(/events? waits? to be sent/);
    const server = network.server('cdc-log-leeds-cdc');
    await until(async () => (await ids(server)).length === events + 2, 'the push after the outage');
    await until(() => sync.last().phase === 'up-to-date', 'up to date');
    expect(sync.last().problem).toBeNull();
  });

  it('says the tablet is offline when the browser is offline', async () => {
    const db = freshDb();
    await twoEpisodes(db);
    const network = memoryNetwork();
    network.intercept('cdc-log-leeds-cdc', (remote) => {
      remote.revsDiff = (() => Promise.reject(Object.assign(new Error('Failed to fetch'), { status: 0 }))) as typeof remote.revsDiff;
    });
    const sync = start(network, db, { online: false });
    await sync.session.fill();
    await until(() => sync.last().phase === 'offline', 'the offline report');
    expect(sync.last().problem).toMatch(/^This tablet is offline\. \d+ events wait to be sent/);
  });

  it('says so in plain words when the server refuses some records (partial push), and sends the rest', async () => {
    const db = freshDb();
    const { ended, events } = await twoEpisodes(db);
    const network = memoryNetwork();
    const refusedId = `ev:${ended.id}:00000002`;
    network.intercept('cdc-log-leeds-cdc', (remote) => {
      const bulkDocs = remote.bulkDocs.bind(remote);
      remote.bulkDocs = (async (body: { docs: Array<{ _id: string }> }, opts?: unknown) => {
        const kept = body.docs.filter((doc) => doc._id !== refusedId);
        const results = await bulkDocs({ ...body, docs: kept } as never, opts as never);
        return body.docs.length === kept.length ? results : [...(results as unknown[]), { id: refusedId, error: true, name: 'forbidden', status: 403, message: 'Only devices of this site may write.' }];
      }) as unknown as typeof remote.bulkDocs;
    });
    const sync = start(network, db);
    await sync.session.fill();
    const server = network.server('cdc-log-leeds-cdc');
    await until(async () => (await ids(server)).length === events + 1, 'the accepted records');
    await until(() => sync.last().phase === 'problem', 'the refusal');
    expect(sync.last().problem).toBe('The network server refused 1 record from this tablet (not allowed for this device). They are kept on this tablet; tell the network administrator.');
    expect(await db.events.get([ended.id, 2])).toBeDefined();
  });

  it('does not say it is up to date while events it has queued have not reached the server', async () => {
    const db = freshDb();
    await twoEpisodes(db);
    const network = memoryNetwork();
    let held = false;
    network.intercept('cdc-log-leeds-cdc', (remote) => {
      const revsDiff = remote.revsDiff.bind(remote);
      remote.revsDiff = ((...args: Parameters<typeof revsDiff>) => (held ? new Promise(() => undefined) : revsDiff(...args))) as typeof remote.revsDiff;
    });
    const sync = start(network, db);
    await sync.session.fill();
    await until(() => sync.last().phase === 'up-to-date' && sync.last().waiting === 0, 'up to date');
    // The server stops answering (a request held open); an episode ends and is queued.
    held = true;
    const more = await recordEpisode(db, { startedAt: T0 + 30 * MINUTE, events: [reachRegistrar(T0 + 31 * MINUTE)] });
    await sync.session.fill();
    await until(() => sync.last().waiting === more.lastSeq, 'the waiting count');
    expect(sync.last().phase).toBe('sending');
  });

  it('says the tablet was withdrawn when the server refuses its account (401), and stops', async () => {
    const db = freshDb();
    await twoEpisodes(db);
    const network = memoryNetwork();
    network.intercept('cdc-log-leeds-cdc', (remote) => {
      remote.revsDiff = (() => Promise.reject(Object.assign(new Error('Name or password is incorrect.'), { status: 401, name: 'unauthorized' }))) as typeof remote.revsDiff;
    });
    const sync = start(network, db);
    await sync.session.fill();
    await until(() => sync.last().phase === 'revoked', 'the revocation');
    expect(sync.last().problem).toBe(REVOKED_MESSAGE);
    expect(sync.last().problem).not.toMatch(/401|unauthorized/i);
  });

  it('says the tablet was withdrawn when it is idle with nothing to send (its idle check is refused)', async () => {
    const db = freshDb();
    const network = memoryNetwork();
    let revoked = false;
    network.intercept('cdc-log-leeds-cdc', (remote) => {
      const info = remote.info.bind(remote);
      remote.info = (() => (revoked ? Promise.reject(Object.assign(new Error('Name or password is incorrect.'), { status: 401, name: 'unauthorized' })) : info())) as typeof remote.info;
    });
    const sync = start(network, db);
    await sync.session.fill();
    await until(() => sync.last().phase === 'up-to-date', 'up to date');
    revoked = true;
    await sync.session.fill();
    await until(() => sync.last().phase === 'revoked', 'the revocation');
    expect(sync.last().problem).toBe(REVOKED_MESSAGE);
  });

  it('reports a full disk while filling the outbox, loses nothing, and carries on once there is space', async () => {
    const db = freshDb();
    const { events } = await twoEpisodes(db);
    const network = memoryNetwork();
    let full = true;
    network.interceptLocal('cdc-outbox-leeds-cdc', (outbox) => {
      const bulkDocs = outbox.bulkDocs.bind(outbox);
      outbox.bulkDocs = ((...args: Parameters<typeof bulkDocs>) =>
        full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : bulkDocs(...args)) as typeof outbox.bulkDocs;
    });
    const sync = start(network, db);
    await sync.session.fill();
    await until(() => sync.last().phase === 'problem', 'the storage report');
    expect(sync.last().problem).toBe(STORAGE_FULL_MESSAGE);
    expect(sync.last().waiting).toBe(events);
    full = false;
    await sync.session.fill();
    const server = network.server('cdc-log-leeds-cdc');
    await until(async () => (await ids(server)).length === events + 2, 'the push after space was freed');
    await until(() => sync.last().phase === 'up-to-date', 'up to date');
    expect(sync.last().problem).toBeNull();
  });
});

describe('pulling the library', () => {
  it('applies what arrives only when the app says it is quiet (no episode running), and stops without waiting for quiet', async () => {
    const db = freshDb();
    const network = memoryNetwork();
    await network.server('cdc-library-leeds-cdc').put({ _id: 'defaults', type: 'defaults', siteName: 'Leeds CDC', modality: 'echo' } as never);
    let quiet: () => void = () => undefined;
    const episodeEnds = new Promise<void>((resolve) => {
      quiet = resolve;
    });
    const sync = start(network, db, { whenQuiet: () => episodeEnds });
    await until(async () => (await network.server('cdc-library-leeds-cdc').info()).doc_count === 1 && sync.reports.length > 0, 'the session');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sync.arrivals).toEqual([]);
    quiet();
    await until(() => sync.arrivals.some((a) => a.kind === 'defaults'), 'the defaults once quiet');
    // A session stopped while an episode runs does not hang on the arrivals waiting for quiet.
    const held = start(network, freshDb(), { whenQuiet: () => new Promise(() => undefined) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(Promise.race([held.session.stop().then(() => 'stopped'), new Promise((resolve) => setTimeout(() => resolve('hung'), 3000))])).resolves.toBe('stopped');
  });

  it('brings signed-off SOPs, the directory and session defaults of its own site only, through the import and signature checks', async () => {
    const db = freshDb();
    const network = memoryNetwork();
    const trust = await trustedNetwork();
    // The tablet pins the administrator key at set-up; the signed trust list itself comes from the network.
    await trust.pinOn(db);
    const stranger = await person('Somebody Else', ['approver']);
    const library = network.server('cdc-library-leeds-cdc');
    await library.bulkDocs([
      await trust.sopDoc('3.0.0'),
      { _id: 'sop:fast-af:3.1.0', type: 'sop', sopId: 'fast-af', version: '3.1.0', document: { ...fastAf, version: '3.1.0', status: 'draft', approval: null }, publishedAt: T0, publishedBy: 'author' },
      await trust.sopDoc('4.0.0', { start: 'noSuchStep' }),
      // Signed by a key that is not on the trust list: never on Escalate.
      await trust.sopDoc('5.0.0', {}, stranger),
      { _id: 'directory', type: 'directory', file: { format: 'cdc-directory/1', entries: [{ roleId: 'cardiology-registrar', name: 'On-call registrar', phone: '0113 000 0000' }] }, publishedAt: T0 },
      { _id: 'defaults', type: 'defaults', siteName: 'Leeds CDC', modality: 'echo' },
    ] as never);
    await network.server('cdc-library-york-cdc').put(await trust.sopDoc('9.0.0') as never);
    await network.server('cdc-network').bulkDocs([
      { _id: 'site:leeds-cdc', type: 'site', siteId: 'leeds-cdc', name: 'Leeds CDC' },
      { _id: 'trust-list', type: 'trust-list', signed: trust.signedList },
    ] as never);
    const sync = start(network, db);
    await until(() => sync.arrivals.some((a) => a.kind === 'defaults') && sync.arrivals.some((a) => a.kind === 'trust-list') && sync.arrivals.some((a) => a.kind === 'sop'), 'the library');
    await until(() => sync.last().refused.some((r) => /5\.0\.0/.test(r)), 'the untrusted signature reported');
    const active = (await activeSops('echo', { db })).find((a) => a.doc.id === 'fast-af')!;
    expect(active.doc.version).toBe('3.0.0');
    expect(active.source).toBe('local');
    expect((await listDirectory(db)).map((row) => row.name)).toEqual(['On-call registrar']);
    expect(sync.arrivals).toContainEqual({ kind: 'defaults', defaults: { siteName: 'Leeds CDC', modality: 'echo' } });
    expect(sync.arrivals).toContainEqual({ kind: 'trust-list', sequence: 1 });
    const refused = sync.last().refused.join(' ');
    expect(refused).toMatch(/3\.1\.0 from the network is not signed off/);
    expect(refused).toMatch(/4\.0\.0 from the network was refused by the SOP checks/);
    expect(refused).toMatch(/5\.0\.0 from the network is not on Escalate: .*It was kept as a draft/);
  });

  it('keeps an SOP whose approver is not yet trusted off Escalate, and runs it once the trust list arrives', async () => {
    const db = freshDb();
    const network = memoryNetwork();
    const trust = await trustedNetwork();
    await trust.pinOn(db);
    await network.server('cdc-library-leeds-cdc').put(await trust.sopDoc('3.0.0') as never);
    const first = start(network, db);
    await until(() => first.last().refused.some((r) => /3\.0\.0 from the network is not on Escalate/.test(r)), 'the SOP held back');
    expect((await activeSops('echo', { db })).find((a) => a.doc.id === 'fast-af')!.doc.version).not.toBe('3.0.0');
    await first.session.stop();
    expect(await installTrustList(trust.signedList, db)).toMatchObject({ ok: true });
    const second = start(network, db);
    await until(() => second.arrivals.some((a) => a.kind === 'sop'), 'the SOP applied at the next start');
    expect((await activeSops('echo', { db })).find((a) => a.doc.id === 'fast-af')!.doc.version).toBe('3.0.0');
  });

  it('applies each library document once: a restart re-applies nothing (a restored pin stays)', async () => {
    const db = freshDb();
    const network = memoryNetwork();
    const trust = await trustedNetwork();
    await trust.pinOn(db);
    expect(await installTrustList(trust.signedList, db)).toMatchObject({ ok: true });
    await network.server('cdc-library-leeds-cdc').put(await trust.sopDoc('3.0.0') as never);
    const first = start(network, db);
    await until(() => first.arrivals.length === 1, 'the first arrival');
    await first.session.stop();
    const signOffs = (await db.settings.get('author.signoffs'))?.value as unknown[];
    const second = start(network, db);
    await until(() => second.last().phase === 'up-to-date', 'the second start');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second.arrivals).toEqual([]);
    expect((await db.settings.get('author.signoffs'))?.value).toEqual(signOffs);
  });
});
