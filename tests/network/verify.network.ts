// `npm run log -- verify` against the real server: a clean network verifies
// (exit 0); a document tampered with, removed or inserted by a server admin,
// or a fork pushed by a tablet, is reported with its episode id (exit 1).
import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { couchClient } from '../../scripts/network/couchHttp';
import { eventDocId, logDb } from '../../scripts/network/names';
import { localDb, remoteDb, replicate } from '../../scripts/network/nodePouch';
import { simulatedEpisodes, type EpisodeDocs } from '../../scripts/network/simulatedEpisodes';
import { enrolTablet, person, setUpSites, uniqueSite, type EnrolledTablet } from './support/accounts';
import { withCredentials } from '../../scripts/network/couchHttp';

const adminUrl = inject('couchUrl');
const admin = couchClient(adminUrl);

function verifyCli(url: string, site: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/log-cli.ts', 'verify', '--url', url, '--site', site], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

async function pushedSite(): Promise<{ site: string; tablet: EnrolledTablet; episodes: EpisodeDocs[] }> {
  const site = uniqueSite('verify');
  await setUpSites(adminUrl, site);
  const tablet = await enrolTablet(adminUrl, site);
  const episodes = await simulatedEpisodes(tablet, 5, Date.now() - 3_600_000, 60_000, 6);
  const outbox = localDb();
  await outbox.bulkDocs(episodes.flatMap((e) => e.docs));
  const result = await replicate(outbox, remoteDb(admin.base, logDb(site), tablet.user, tablet.password));
  expect(result.docs_written).toBe(35);
  return { site, tablet, episodes };
}

const path = (site: string, id: string) => `/${logDb(site)}/${encodeURIComponent(id)}`;

describe('npm run log -- verify', () => {
  let governanceUrl: string;
  beforeAll(async () => {
    const lead = await person(adminUrl, 'governance');
    governanceUrl = withCredentials(admin.base, lead.user, lead.password);
  });

  it('a clean site verifies, read with governance credentials (exit 0)', async () => {
    const { site } = await pushedSite();
    const { code, out } = await verifyCli(governanceUrl, site);
    expect(out).toContain(`${logDb(site)}: 5 episodes, 30 events: every chain verifies`);
    expect(code).toBe(0);
  });

  it('an event changed by an admin is reported with its episode id (exit 1)', async () => {
    const { site, episodes } = await pushedSite();
    const target = episodes[2]!;
    const id = eventDocId(target.episodeId, 3);
    const stored = (await admin.request('GET', path(site, id))).body;
    expect((await admin.request('PUT', path(site, id), { ...stored, event: { ...stored.event, data: { option: 'tampered' } } })).status).toBe(201);
    const { code, out } = await verifyCli(adminUrl, site);
    expect(out).toContain(`BREAK ${logDb(site)} episode ${target.episodeId}: Event 3 was changed after it was written.`);
    expect(out).not.toContain(episodes[0]!.episodeId);
    expect(code).toBe(1);
  });

  it('an event inserted by an admin, and one removed, are reported (exit 1)', async () => {
    const { site, episodes, tablet } = await pushedSite();
    const [first, second] = episodes;
    const last = first!.events.at(-1)!;
    const inserted = { ...last, seq: last.seq + 1, id: 'inserted', prevHash: 'f'.repeat(64) };
    const insertedDoc = { _id: eventDocId(first!.episodeId, inserted.seq), type: 'event', siteId: site, deviceId: tablet.deviceId, account: tablet.account, event: inserted };
    expect((await admin.request('PUT', path(site, insertedDoc._id), insertedDoc)).status).toBe(201);
    const removedId = eventDocId(second!.episodeId, 2);
    const removed = (await admin.request('GET', path(site, removedId))).body;
    expect((await admin.request('DELETE', `${path(site, removedId)}?rev=${removed._rev}`)).status).toBe(200);
    const { code, out } = await verifyCli(adminUrl, site);
    expect(out).toContain(`BREAK ${logDb(site)} episode ${first!.episodeId}: Event 7 does not link to the event before it.`);
    expect(out).toContain(`BREAK ${logDb(site)} episode ${second!.episodeId}: Event 2 is missing (found 3 instead).`);
    expect(code).toBe(1);
  });

  it('a fork (a conflicting revision pushed by a tablet of the site) is reported (exit 1)', async () => {
    const { site, episodes } = await pushedSite();
    const other = await enrolTablet(adminUrl, site);
    const target = episodes[1]!;
    const id = eventDocId(target.episodeId, 2);
    const original = target.docs.find((doc) => doc._id === id)!;
    // a root revision of its own: the guard sees no previous revision, so CouchDB keeps both as a conflict
    const forged = { ...original, account: other.account, deviceId: other.deviceId, _rev: '1-0000000000000000000000000000000f', event: { ...(original.event as object), data: { option: 'forged' } } };
    const pushed = await other.couch.request('POST', `/${logDb(site)}/_bulk_docs`, { new_edits: false, docs: [forged] });
    expect(pushed.status).toBe(201);
    const { code, out } = await verifyCli(adminUrl, site);
    expect(out).toMatch(new RegExp(`BREAK ${logDb(site)} episode ${target.episodeId}: Document ${id} has conflicting revisions \\(a fork\\)`));
    expect(code).toBe(1);
  });

  it('an unreadable server is exit 2, not a pass', async () => {
    const { code, out } = await verifyCli(withCredentials(admin.base, 'nobody', 'wrong-password'), 'any');
    expect(out).toMatch(/Could not read the logs/);
    expect(code).toBe(2);
  });
});
