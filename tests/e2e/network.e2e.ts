// The network tier in real Chromium against a real CouchDB 3 (started by the
// netserver's couchServer, provisioned by its provision.ts): two tablets of
// one site and one of another enrol with one-time codes in Settings → Network,
// run an episode each offline, reconnect, and every episode shows in the
// governance view with its site and device; an SOP an author publishes to one
// site's library appears on Escalate on both tablets of that site only.
// Run by `npm run test:e2e:network` (never by npm test or test:e2e).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCouch, type RunningCouch } from '../../scripts/network/couchServer';
import { addPerson, enrolDevice, provision, revokeDevice } from '../../scripts/network/provision';
import { couchClient } from '../../scripts/network/couchHttp';
import { network as trustNetwork, signedFile } from '../support/trustFixtures';
import type { SopDocument } from '../../src/engine';
import { builtInSops } from '../../src/sops';
import { baseUrl, launchBrowser, openContext, openSection, visitAndInstall, type RecordedContext } from './support/browser';
import { expectHeading, leaveStep, localRoleIds, mostUrgentPath, openFromList, shownSteps } from './support/runnerPaths';

const SITES = [{ siteId: 'leeds-cdc', name: 'Leeds CDC' }, { siteId: 'york-cdc', name: 'York CDC' }];
const GOVERNANCE = { name: 'gov-lead', password: 'governance-lead-password' };
const AUTHOR = { name: 'sop-author', password: 'sop-author-password-1' };
const fastAf = builtInSops.find((doc) => doc.id === 'fast-af')!;

let couch: RunningCouch;
let browser: Browser;
// The network's administrator key (pinned by each tablet through its enrolment code), its approver and signed trust list.
let trust: Awaited<ReturnType<typeof trustNetwork>>;
const tablets: Array<RecordedContext & { site: string; user: string }> = [];

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

async function putAsAuthor(db: string, doc: Record<string, unknown> & { _id: string }): Promise<void> {
  const response = await fetch(`${couch.publicBase}/${db}/${encodeURIComponent(doc._id)}`, {
    method: 'PUT', headers: { Authorization: basic(AUTHOR.name, AUTHOR.password), 'Content-Type': 'application/json' }, body: JSON.stringify(doc),
  });
  if (!response.ok) throw new Error(`author write to ${db} refused: ${response.status} ${await response.text()}`);
}

async function headerSays(page: Page, text: RegExp, timeout = 45_000): Promise<void> {
  await expect.poll(() => page.getByRole('banner').getByRole('link', { name: /Network sync:/ }).textContent().catch(() => ''), { timeout, interval: 250 }).toMatch(text);
}

async function enrol(page: Page, code: string): Promise<void> {
  await visitAndInstall(page, '/settings');
  await page.getByRole('textbox', { name: /^Enrolment code/ }).fill(code);
  await page.getByRole('button', { name: 'Enrol this tablet' }).click();
  await expect.poll(() => page.getByText(/This tablet is enrolled for site/).count(), { timeout: 20_000 }).toBe(1).catch(async (error: unknown) => {
    throw new Error(`Enrolment did not finish; the Network panel says: ${await page.locator('#network').textContent()}`, { cause: error });
  });
}

async function runEpisode(page: Page): Promise<void> {
  await openSection(page, 'Escalate');
  const echo = page.getByRole('button', { name: 'Echo', exact: true });
  if (await echo.count()) await echo.click();
  const steps = shownSteps(fastAf, mostUrgentPath(fastAf, 'echo'));
  await openFromList(page, fastAf);
  for (const { step, via } of steps) {
    await expectHeading(page, step.title);
    if (step.kind === 'outcome') break;
    await leaveStep(page, step, via);
  }
  await page.getByRole('button', { name: 'Finish and save' }).click();
  await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Escalate/);
}

const deviceIdOf = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cdc-episode-log');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return new Promise<string>((resolve, reject) => {
      const request = db.transaction('settings').objectStore('settings').get('deviceId');
      request.onsuccess = () => resolve((request.result as { value: string }).value);
      request.onerror = () => reject(request.error);
    });
  });

beforeAll(async () => {
  couch = await startCouch();
  await provision(couch.url, { sites: SITES, origins: [new URL(baseUrl()).origin, 'http://localhost:4173'] });
  await addPerson(couch.url, GOVERNANCE.name, 'governance', GOVERNANCE.password);
  await addPerson(couch.url, AUTHOR.name, 'author', AUTHOR.password);
  trust = await trustNetwork();
  // The administrator publishes the signed trust list to the whole network.
  const put = await couchClient(couch.url).request('PUT', '/cdc-network/trust-list', { _id: 'trust-list', type: 'trust-list', signed: trust.signedList });
  if (put.status !== 201 && put.status !== 202) throw new Error(`trust list not stored: ${put.status}`);
  for (const site of SITES) await putAsAuthor(`cdc-library-${site.siteId}`, { _id: 'defaults', type: 'defaults', siteName: site.name, modality: 'echo' });
  // Each site's contacts directory comes from the network too (Ofcom's drama range: never a real number).
  const entries = localRoleIds([fastAf]).map((roleId) => ({ roleId, name: `${roleId} (test)`, phone: '01632 960000' }));
  for (const site of SITES) await putAsAuthor(`cdc-library-${site.siteId}`, { _id: 'directory', type: 'directory', file: { format: 'cdc-directory/1', entries }, publishedAt: Date.now() });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const tablet of tablets) await tablet.context.close();
  await browser?.close();
  await couch?.stop();
}, 60_000);

describe('the network tier in the browser', () => {
  it('enrols three tablets with one-time codes; each takes its site\'s session defaults and the code is spent', async () => {
    for (const siteId of ['leeds-cdc', 'leeds-cdc', 'york-cdc']) {
      const { user, code } = await enrolDevice(couch.url, siteId, { adminKey: trust.admin.publicJwk });
      const tablet = { ...(await openContext(browser, { viewport: { width: 768, height: 1024 } })), site: siteId, user };
      tablets.push(tablet);
      await enrol(tablet.page, code);
      await headerSays(tablet.page, /Synced/);
      const siteName = SITES.find((site) => site.siteId === siteId)!.name;
      await expect.poll(() => tablet.page.getByRole('link', { name: /Session:/ }).textContent(), { timeout: 20_000 }).toContain(`${siteName} · Echo`);
      // The printed code no longer signs in: the tablet replaced its password.
      const { url, password } = JSON.parse(Buffer.from(code.slice(5), 'base64url').toString()) as { url: string; password: string };
      expect((await fetch(`${url}/_session`, { headers: { Authorization: basic(user, password) } })).status).toBe(401);
      // Nothing secret on screen.
      expect(await tablet.page.locator('body').textContent()).not.toContain(password);
    }
  }, 180_000);

  it('runs an episode offline on each tablet, sends it on reconnection, and the governance view shows every one with its site and device', async () => {
    for (const tablet of tablets) {
      await tablet.context.setOffline(true);
      await runEpisode(tablet.page);
    }
    for (const tablet of tablets) {
      await headerSays(tablet.page, /Offline|unreachable|waiting/i);
      await tablet.context.setOffline(false);
    }
    for (const tablet of tablets) await headerSays(tablet.page, /^.?Network sync: Synced$/);

    const viewer = tablets[2]!.page;
    await openSection(viewer, 'Log');
    await viewer.getByRole('button', { name: 'Network (governance)' }).click();
    await viewer.getByLabel('Server address').fill(couch.publicBase);
    await viewer.getByLabel('Governance account').fill(GOVERNANCE.name);
    await viewer.getByLabel('Password').fill(GOVERNANCE.password);
    await viewer.getByRole('button', { name: 'Sign in and pull the network log' }).click();
    await expect.poll(() => viewer.getByRole('heading', { name: /episodes from 2 sites/ }).textContent(), { timeout: 60_000 }).toBe('3 episodes from 2 sites');
    const rows = await viewer.getByRole('table', { name: 'Network episodes' }).locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const seen = rows.map((cells) => `${cells[1]}|${cells[2]}`).sort();
    const expected = await Promise.all(tablets.map(async (tablet) => `${SITES.find((s) => s.siteId === tablet.site)!.name}|${await deviceIdOf(tablet.page)}`));
    expect(seen).toEqual(expected.sort());
    // Filtered by site, then by device.
    await viewer.getByLabel('Site').selectOption({ label: 'Leeds CDC' });
    await expect.poll(() => viewer.getByRole('table', { name: 'Network episodes' }).locator('tbody tr').count()).toBe(2);
    await viewer.getByLabel('Device').selectOption(await deviceIdOf(tablets[0]!.page));
    await expect.poll(() => viewer.getByRole('table', { name: 'Network episodes' }).locator('tbody tr').count()).toBe(1);
    expect(await viewer.getByRole('heading', { name: 'Dashboard: Leeds CDC' }).count()).toBe(1);
  }, 240_000);

  it('shows an SOP an author publishes to one site on Escalate on both tablets of that site, and not on the other site', async () => {
    const published = {
      ...fastAf, version: '3.0.0', status: 'approved', shortTitle: 'Fast AF (Leeds network)',
      approval: { name: 'Dr A Approver', role: 'Consultant cardiologist', date: '2026-11-01' }, reviewDue: '2027-11-01',
    } as unknown as SopDocument;
    // Signed by the approver on the network's trust list: the only kind of SOP a tablet puts on Escalate.
    const { signatures } = await signedFile(published, [{ who: trust.approver, role: 'approver' }], new Date().toISOString());
    await putAsAuthor('cdc-library-leeds-cdc', {
      _id: 'sop:fast-af:3.0.0', type: 'sop', sopId: 'fast-af', version: '3.0.0', document: published, signatures, publishedAt: Date.now(), publishedBy: AUTHOR.name,
    });
    // A forged one (signed by a key the network never listed) reaches the York library but never its Escalate.
    const forger = await trustNetwork();
    const forged = { ...published, shortTitle: 'Fast AF (forged)', version: '3.0.1' } as SopDocument;
    const forgedSigned = await signedFile(forged, [{ who: forger.approver, role: 'approver' }], new Date().toISOString());
    await putAsAuthor('cdc-library-york-cdc', {
      _id: 'sop:fast-af:3.0.1', type: 'sop', sopId: 'fast-af', version: '3.0.1', document: forged, signatures: forgedSigned.signatures, publishedAt: Date.now(), publishedBy: AUTHOR.name,
    });
    const listed = async (page: Page) => {
      await openSection(page, 'Settings');
      await openSection(page, 'Escalate');
      await page.getByRole('button', { name: /^Fast AF/ }).first().waitFor();
      return page.getByRole('button', { name: /^Fast AF \(Leeds network\)/ }).count();
    };
    for (const tablet of tablets.filter((t) => t.site === 'leeds-cdc')) {
      await expect.poll(() => listed(tablet.page), { timeout: 45_000, interval: 1000 }).toBe(1);
    }
    expect(await listed(tablets[2]!.page)).toBe(0);
    expect(await tablets[2]!.page.getByRole('button', { name: /^Fast AF \(forged\)/ }).count()).toBe(0);
  }, 120_000);

  it('tells a revoked tablet so: its next push is refused and the header and Settings say access was withdrawn, with the episode kept on the tablet', async () => {
    const revoked = tablets[1]!;
    await revokeDevice(couch.url, revoked.user);
    await runEpisode(revoked.page);
    await headerSays(revoked.page, /Network access withdrawn/, 60_000);
    await openSection(revoked.page, 'Settings');
    expect(await revoked.page.locator('#network').getByText('Network access withdrawn.').count()).toBeGreaterThan(0);
    // Nothing of the new episode reached the server (it stays in this tablet's log).
    const deviceId = await deviceIdOf(revoked.page);
    const onServer = await couchClient(couch.url).request('POST', '/cdc-log-leeds-cdc/_find', { selector: { deviceId, type: 'episode' }, fields: ['_id'], limit: 10 });
    expect((onServer.body as { docs: unknown[] }).docs).toHaveLength(1);
    // The other tablet of the site still syncs.
    await headerSays(tablets[0]!.page, /Synced/);
  }, 120_000);

});
