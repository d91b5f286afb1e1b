// An axe-core scan of each main section finds no WCAG 2.2 A/AA violation, and
// every section fits the tablet and phone layouts without sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SECTION_HEADINGS, baseUrl, launchBrowser, openContext, openSection } from './support/browser';
import { axeBuilder } from './support/axe';

const VIEWPORTS = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility', () => {
  for (const section of SECTION_HEADINGS) {
    it(`${section.nav} has no WCAG 2.2 A/AA violations`, async () => {
      const { context, page } = await openContext(browser);
      await page.goto(baseUrl() + '/');
      await openSection(page, section.nav);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(section.heading);
      const results = await axeBuilder(page).analyze();
      const summary = results.violations.map((item) => `${item.id}: ${item.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }

  for (const viewport of VIEWPORTS) {
    it(`every section fits ${viewport.width}x${viewport.height} with 48 px navigation targets`, async () => {
      const { context, page } = await openContext(browser, { viewport });
      await page.goto(baseUrl() + '/');
      for (const section of SECTION_HEADINGS) {
        await openSection(page, section.nav);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${section.nav} overflows sideways`).toBeLessThanOrEqual(0);
      }
      const heights = await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link')
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
      await context.close();
    });
  }
});
