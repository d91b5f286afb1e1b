// Sync faults with Node PouchDB tablets (memory adapter) pushing to the real
// CouchDB with PouchDB's own replication: the server killed (kill -9) mid-push
// and restarted, the same push twice (and from a rebuilt outbox), a tablet
// offline for a week with 5,000 events, and tablets whose clocks are far off.
// In every case: 0 events lost, 0 duplicated, every chain verifies centrally.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { killRelease, restartRelease, startLocalCouch, type RunningCouch } from '../../scripts/network/couchServer';
import { couchClient } from '../../scripts/network/couchHttp';
import { logDb } from '../../scripts/network/names';
import { localDb, remoteDb, replicate } from '../../scripts/network/nodePouch';
import { simulatedEpisodes, type EpisodeDocs } from '../../scripts/network/simulatedEpisodes';
import { enrolTablet, setUpSites, uniqueSite, type EnrolledTablet } from './support/accounts';
import { expectExactly, serverDocs } from './support/serverLog';

const DAY = 86_400_000;
let adminUrl = inject('couchUrl');
let couchDir = inject('couchDir');
let own: RunningCouch | undefined;

beforeAll(async () => {
  // the kill test needs a server it may kill: the run's own, or one started here
  if (!couchDir) {
    own = await startLocalCouch();
    adminUrl = own.url;
    couchDir = own.dir!;
  }
});

afterAll(async () => {
  await own?.stop();
});

async function outboxWith(episodes: EpisodeDocs[]) {
  const outbox = localDb();
  await outbox.bulkDocs(episodes.flatMap((episode) => episode.docs));
  return outbox;
}

function serverLog(tablet: EnrolledTablet) {
  return remoteDb(couchClient(adminUrl).base, logDb(tablet.siteId), tablet.user, tablet.password);
}

describe('sync faults', () => {
  it('server killed (kill -9) mid-push and restarted: the push resumes, 0 lost, 0 duplicated', async () => {
    const site = uniqueSite('kill');
    await setUpSites(adminUrl, site);
    const tablet = await enrolTablet(adminUrl, site);
    const episodes = await simulatedEpisodes(tablet, 400, Date.now() - 400 * 60_000, 60_000, 10);
    const total = episodes.length * 11;
    const outbox = await outboxWith(episodes);

    let killed: Promise<void> | undefined;
    const first = replicate(outbox, serverLog(tablet), { batch_size: 100 });
    first.on('change', (info) => {
      if (!killed && info.docs_written >= 800) killed = killRelease(couchDir);
    });
    const firstOutcome = await first.then(() => 'completed', (error: Error) => `failed: ${error.message ?? error}`);
    await killed;
    expect(killed, 'the server was killed during the push').toBeDefined();

    await restartRelease(couchDir, adminUrl);
    const arrivedBeforeRestart = (await serverDocs(adminUrl, site)).size;
    expect(arrivedBeforeRestart, `some but not all documents arrived before the kill (${firstOutcome})`).toBeLessThan(total);
    expect(arrivedBeforeRestart).toBeGreaterThanOrEqual(800);

    const second = await replicate(outbox, serverLog(tablet), { batch_size: 100 });
    expect(second.ok).toBe(true);
    expect(second.doc_write_failures).toBe(0);
    expect(second.docs_written).toBe(total - arrivedBeforeRestart);
    await expectExactly(adminUrl, site, episodes);
  });

  it('the same push twice, and again from a rebuilt outbox: nothing written twice, no conflict', async () => {
    const site = uniqueSite('twice');
    await setUpSites(adminUrl, site);
    const tablet = await enrolTablet(adminUrl, site);
    const episodes = await simulatedEpisodes(tablet, 50, Date.now() - DAY, 60_000, 8);
    const outbox = await outboxWith(episodes);
    const first = await replicate(outbox, serverLog(tablet));
    expect(first.docs_written).toBe(50 * 9);
    const again = await replicate(outbox, serverLog(tablet));
    expect(again.docs_written).toBe(0);
    // the tablet lost its outbox (storage cleared) and rebuilt it from its log: same documents, same revisions
    const rebuilt = await outboxWith(episodes);
    const fromRebuilt = await replicate(rebuilt, serverLog(tablet));
    expect(fromRebuilt.ok).toBe(true);
    expect(fromRebuilt.docs_written).toBe(0);
    await expectExactly(adminUrl, site, episodes);
  });

  it('a tablet offline for a week with 5,000 events pushes them all on reconnecting', async () => {
    const site = uniqueSite('week');
    await setUpSites(adminUrl, site);
    const tablet = await enrolTablet(adminUrl, site);
    // 500 episodes of 10 events, spread over the seven days it was offline
    const episodes = await simulatedEpisodes(tablet, 500, Date.now() - 7 * DAY, Math.floor((7 * DAY) / 500), 10);
    expect(episodes.reduce((n, e) => n + e.events.length, 0)).toBe(5_000);
    const outbox = await outboxWith(episodes);
    const result = await replicate(outbox, serverLog(tablet), { batch_size: 250 });
    expect(result.ok).toBe(true);
    expect(result.docs_written).toBe(5_500);
    await expectExactly(adminUrl, site, episodes);
  });

  it('tablets whose clocks are years off the server push normally and verify', async () => {
    const site = uniqueSite('skew');
    await setUpSites(adminUrl, site);
    const [ahead, behind] = await Promise.all([enrolTablet(adminUrl, site), enrolTablet(adminUrl, site)]);
    const aheadEpisodes = await simulatedEpisodes(ahead, 30, Date.now() + 3 * 365 * DAY, 60_000, 8);
    // a clock reset to 1 January 1980, and one episode stamped before the previous one
    const behindEpisodes = await simulatedEpisodes(behind, 30, Date.UTC(1980, 0, 1), -60_000, 8);
    const results = await Promise.all([
      replicate(await outboxWith(aheadEpisodes), serverLog(ahead)),
      replicate(await outboxWith(behindEpisodes), serverLog(behind)),
    ]);
    expect(results.map((r) => r.docs_written)).toEqual([270, 270]);
    await expectExactly(adminUrl, site, [...aheadEpisodes, ...behindEpisodes]);
  });
});
