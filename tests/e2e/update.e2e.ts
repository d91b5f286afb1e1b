// A new version of the app is announced, never applied by itself: the open page
// keeps running until the user taps "Update now", and then runs the new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchBrowser, openContext, openSection } from './support/browser';
import { startStaticServer, type StaticServer } from './support/staticServer';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  // Build "the next release" beside the current one.
  execFileSync('npx', ['vite', 'build', '--outDir', 'dist-next', '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, APP_BUILD_LABEL: 'next' },
    stdio: 'inherit',
  });
  server = await startStaticServer('dist');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('app updates', () => {
  it('waits for the user before switching to a new version', async () => {
    const { context, page } = await openContext(browser);
    await page.goto(server.url + '/settings');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now controlled by the installed version
    await expect.poll(() => page.getByText(/^Version /).textContent()).not.toContain('+next');
    await page.evaluate(() => Object.assign(window, { __stillTheSamePage: true }));

    server.setRoot('dist-next');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => page.getByText(/new version of the app is ready/i).count(), { timeout: 20_000 }).toBe(1);

    // Nothing reloaded by itself: the page, and what the user was doing, is still there.
    await openSection(page, 'Settings');
    expect(await page.evaluate(() => (window as unknown as { __stillTheSamePage?: boolean }).__stillTheSamePage)).toBe(true);
    expect(await page.getByText(/^Version /).textContent()).not.toContain('+next');

    await page.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => page.getByText(/^Version /).textContent(), { timeout: 20_000 }).toContain('+next');
    await context.close();
  });
});
