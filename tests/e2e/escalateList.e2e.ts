// The Escalate list at a glance on a 1024x768 landscape tablet: for each scan
// type, every SOP's card is in view below the header without scrolling, a
// target of 48 px or more named first by its visible title, in the list's
// order (time-critical findings first, src/sops/order/escalate-list.json); axe finds nothing in the
// light and the dark theme. Pictures go to test-results/escalate-list/.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import catalogue from '../../src/sops/derived/catalogue.json';
import { MODALITIES, MODALITY_LABEL, type Modality } from '../../src/engine/modalities';
import { timeCriticalFirst } from '../../src/features/runner/list/listingOrder';
import { parseListings } from '../../src/features/runner/list/sopListing';
import { launchBrowser, openContext, visitAndInstall } from './support/browser';
import { axeViolations } from './support/axe';

const SHOTS = 'test-results/escalate-list';
const LANDSCAPE_TABLET = { width: 1024, height: 768 };
const listings = parseListings(catalogue)!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh tablet at the Escalate list for a scan type (the "stored for offline" notice dismissed, as a user does once). */
async function openList(page: Page, modality: Modality): Promise<string[]> {
  await visitAndInstall(page, '/escalate');
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) await dismiss.first().click();
  await page.getByRole('button', { name: MODALITY_LABEL[modality], exact: true }).click();
  const titles = timeCriticalFirst(listings.filter((listing) => listing.modalities.includes(modality))).map((listing) => listing.title);
  await expect.poll(() => page.locator('.runner-sop').count()).toBe(titles.length);
  await page.waitForTimeout(200);
  return titles;
}

describe('the Escalate list on a landscape tablet', () => {
  it('shows every SOP card in view without scrolling, time-critical findings first, for each scan type', { timeout: 180_000 }, async () => {
    for (const modality of MODALITIES) {
      const { context, page } = await openContext(browser, { viewport: LANDSCAPE_TABLET });
      const titles = await openList(page, modality);
      expect(await page.locator('.runner-sop__title').allTextContents(), `${modality}: order`).toEqual(titles);
      const headerBottom = (await page.getByRole('banner').boundingBox())!;
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      for (const title of titles) {
        const card = page.getByRole('button', { name: new RegExp(`^${escape(title)}`) });
        expect(await card.count(), `${modality}: one card named first by "${title}"`).toBe(1);
        const box = (await card.boundingBox())!;
        const where = `${modality}: "${title}" at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
        expect(box.y, where).toBeGreaterThanOrEqual(headerBottom.y + headerBottom.height);
        expect(box.y + box.height, where).toBeLessThanOrEqual(LANDSCAPE_TABLET.height);
        expect(box.x + box.width, where).toBeLessThanOrEqual(LANDSCAPE_TABLET.width);
        expect(Math.min(box.width, box.height), where).toBeGreaterThanOrEqual(48);
      }
      await page.screenshot({ path: `${SHOTS}/${modality}-1024x768.png` });
      await context.close();
    }
  });

  it('has no axe violations in the light and the dark theme', { timeout: 120_000 }, async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await openContext(browser, { viewport: LANDSCAPE_TABLET, colorScheme });
      await openList(page, 'echo');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      expect(await axeViolations(page), colorScheme).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/echo-1024x768-${colorScheme}.png` });
      await context.close();
    }
  });
});
