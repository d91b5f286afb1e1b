// Signed approvals across two tablets in real Chromium (issue 17): on the
// approver's tablet a signing key is made in Settings and its public file
// saved; the network administrator (here, Node) puts it on a signed trust
// list; the approver publishes a version signed with that key and exports the
// signed file. A second tablet, set up with the same administrator key and
// list, imports the file, verifies it and runs it on Escalate; a forged copy
// (content changed under the signature) is kept as a draft with its reason and
// never appears on Escalate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { generateSigningKey, signTrustList, type SopDocument, type TrustList } from '../../src/engine';
import { builtInSops } from '../../src/sops';
import { launchBrowser, openContext, openSection, visitAndInstall } from './support/browser';
import { expectHeading } from './support/runnerPaths';

const fastAf = builtInSops.find((doc) => doc.id === 'fast-af')!;
const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await file.path())!, 'utf8');
}

async function setUpTrust(page: Page, adminPublic: unknown, signedList: unknown): Promise<void> {
  await openSection(page, 'Settings');
  await page.getByLabel("Set up with the administrator's public key file").setInputFiles(json('admin-key.public.json', adminPublic));
  await expect.poll(() => page.getByText(/now believes trust lists signed by the network administrator key/).count()).toBe(1);
  await page.getByLabel('Import a trust list file').setInputFiles(json('trust-list.json', signedList));
  await expect.poll(() => page.getByText(/Trust list number 1 of North cardiac network installed: 1 keys/).count()).toBe(1);
}

describe('a version signed on one tablet runs on another', () => {
  it('signs on the approver\'s tablet, verifies and runs on a second one, and keeps a forged copy as a draft', { timeout: 180_000 }, async () => {
    // The approver's tablet: a key made here; its private half never leaves it.
    const approverTablet = await openContext(browser, { viewport: { width: 1024, height: 900 } });
    const a = approverTablet.page;
    await visitAndInstall(a, '/settings');
    await a.getByLabel('Your name as the trust list will show it').fill('Dr A Approver');
    await a.getByRole('button', { name: 'Make a signing key' }).click();
    const publicFile = JSON.parse(await download(a, () => a.getByRole('button', { name: 'Save public key file for Dr A Approver' }).click())) as {
      format: string; keyId: string; publicKey: TrustList['entries'][number]['publicKey'];
    };
    expect(publicFile.format).toBe('cdc-public-key/1');
    expect(JSON.stringify(publicFile)).not.toContain('"d"');

    // The network administrator signs a trust list naming that key as an approver.
    const admin = await generateSigningKey();
    const list: TrustList = {
      format: 'cdc-trust-list/1', network: 'North cardiac network', sequence: 1, issuedAt: new Date().toISOString(), twoPersonRule: false,
      entries: [{
        keyId: publicFile.keyId, personId: 'a-approver', name: 'Dr A Approver', roles: ['approver'], publicKey: publicFile.publicKey,
        validFrom: new Date(Date.now() - 86_400_000).toISOString(), validUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(), revokedAt: null,
      }],
    };
    const signedList = await signTrustList(list, admin);
    await setUpTrust(a, admin.publicJwk, signedList);
    expect(await a.getByRole('table', { name: 'Keys on the trust list' }).getByRole('row', { name: /Dr A Approver/ }).textContent()).toMatch(/approver.*In force/);

    // Publish a version of Fast AF signed with the key, then export the signed file.
    await openSection(a, 'Author');
    await a.getByRole('region', { name: fastAf.title }).getByRole('button', { name: 'Start a draft from this' }).click();
    await a.waitForURL(/\/author\/edit\//);
    await expect.poll(() => a.getByLabel('Sign the approval with').inputValue()).toBe(publicFile.keyId);
    await expect.poll(() => a.getByLabel('Approver name').inputValue()).toBe('Dr A Approver');
    await a.getByLabel('Approver role').fill('Consultant cardiologist');
    const publish = a.getByRole('button', { name: /^Publish version/ });
    await expect.poll(() => publish.isEnabled(), { timeout: 30_000 }).toBe(true);
    await publish.click();
    await a.getByRole('alertdialog', { name: /^Publish version/ }).getByRole('button', { name: /^Yes, publish version/ }).click();
    await a.waitForURL(/\/author\/view\/[0-9a-f]{64}$/, { timeout: 60_000 });
    await openSection(a, 'Author');
    const group = a.getByRole('region', { name: fastAf.title });
    const signedText = await download(a, () => group.getByRole('button', { name: 'Export signed file' }).click());
    const signed = JSON.parse(signedText) as { format: string; document: SopDocument; signatures: Array<{ keyId: string }> };
    expect(signed.format).toBe('cdc-signed-sop/1');
    expect(signed.signatures.map((s) => s.keyId)).toEqual([publicFile.keyId]);
    // The library log on the approver's tablet holds the trust list and the approval.
    await a.getByRole('link', { name: 'Library log' }).click();
    await expect.poll(() => a.getByText(/^Chain checked: \d+ records, none missing or changed\.$/).count()).toBe(1);
    expect(await a.getByRole('table').textContent()).toMatch(/Approval.*fast-af/);

    // A second tablet of the network: the same administrator key and list, no network needed.
    const siteTablet = await openContext(browser, { viewport: { width: 1024, height: 768 } });
    const b = siteTablet.page;
    await visitAndInstall(b, '/settings');
    await setUpTrust(b, admin.publicJwk, signedList);
    await openSection(b, 'Author');
    // A forged copy first: the wording changed under the approver's signature.
    const forged = { ...signed, document: { ...signed.document, shortTitle: 'Fast AF (forged)', version: '9.0.0' } };
    await b.getByLabel('Choose an SOP file').setInputFiles(json('fast-af-forged.json', forged));
    await expect.poll(() => b.getByRole('status').filter({ hasText: /was stored as a draft, not as approved/ }).textContent(), { timeout: 20_000 })
      .toMatch(/signature is over other content.*It will not appear on Escalate until a trusted approver signs it/);
    await b.getByLabel('Choose an SOP file').setInputFiles(json('fast-af-signed.json', signed));
    await expect.poll(() => b.getByRole('status').filter({ hasText: /^Imported/ }).textContent(), { timeout: 20_000 })
      .toMatch(/approved by Dr A Approver \(signature verified\)/);

    await openSection(b, 'Escalate');
    const echo = b.getByRole('button', { name: 'Echo', exact: true });
    if (await echo.count()) await echo.click();
    const card = b.getByRole('button', { name: new RegExp(`^${fastAf.shortTitle}`) }).first();
    await card.waitFor();
    expect(await card.textContent()).not.toMatch(/Template/);
    expect(await b.getByRole('button', { name: /^Fast AF \(forged\)/ }).count()).toBe(0);
    await card.click();
    await expectHeading(b, fastAf.steps.find((s) => s.id === fastAf.start)!.title);
    expect(approverTablet.consoleErrors.concat(siteTablet.consoleErrors)).toEqual([]);
    await approverTablet.context.close();
    await siteTablet.context.close();
  });
});
