// One test per WCAG 2.2 item the runner must meet mid-scan:
// 1.4.10 reflow at 320 CSS px, 2.4.11 focus not obscured by the sticky
// collapse bar, and the decision (step heading and every option) above the
// fold on 1024x768 and 820x1180 tablets and a 390x844 phone, at 100 % and
// 200 % text, with the header folded and the trail on show.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openContext, openSection, visitAndInstall } from './support/browser';
import { tabBackFromFoot } from './support/focusWalk';

const SHOTS = 'test-results/wcag';
const FIRST_QUESTION = 'Is the patient responsive and breathing normally?';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Text zoom as a browser's text-size setting does it: the root font size, so every rem grows (CSSOM, which the CSP allows). */
async function setTextSize(page: Page, percent: number): Promise<void> {
  await page.evaluate((size) => document.documentElement.style.setProperty('font-size', `${size}%`, 'important'), percent);
}

/** A fresh device at the first question of Fast AF (the "stored for offline" notice dismissed, as a user does once). */
async function openFirstQuestion(page: Page, textPercent = 100): Promise<void> {
  await visitAndInstall(page, '/escalate');
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) await dismiss.first().click();
  if (textPercent !== 100) await setTextSize(page, textPercent);
  await page.getByRole('button', { name: 'Echo' }).click();
  await page.getByRole('button', { name: /^Fast AF/ }).click();
  await page.getByRole('heading', { level: 1, name: FIRST_QUESTION }).waitFor();
  if (textPercent !== 100) await setTextSize(page, textPercent);
  await page.waitForTimeout(200);
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** What sticks out past the right edge (inside no scrolling box of its own), to say what to fix. */
const widest = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('body *')]
  .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.parentElement?.closest('[class*="wrap"], svg'))
  .slice(0, 5).map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().width)}`).join('; '));

describe('WCAG 2.2 on the point-of-care screens', () => {
  it('1.4.10 reflow: every section and a step fit 320 CSS px with no sideways scrolling', { timeout: 120_000 }, async () => {
    const { context, page } = await openContext(browser, { viewport: { width: 320, height: 640 } });
    await openFirstQuestion(page);
    expect(await sideways(page), 'step').toBeLessThanOrEqual(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/reflow-320-step.png`, fullPage: true });
    for (const nav of ['Escalate', 'Log', 'Author', 'Settings']) {
      await openSection(page, nav);
      await page.waitForTimeout(300);
      expect(await sideways(page), `${nav}: ${await widest(page)}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/reflow-320-${nav.toLowerCase()}.png`, fullPage: true });
    }
    await context.close();
  });

  it('2.4.11 focus not obscured: the new step heading and every control reached by Tab clear the sticky collapse bar', { timeout: 120_000 }, async () => {
    const { context, page } = await openContext(browser, { viewport: { width: 390, height: 844 } });
    await openFirstQuestion(page, 200);
    const bar = page.getByRole('button', { name: 'Patient collapsed / not breathing normally' });
    // Tap an option low on the page after scrolling: the next step's heading takes focus.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.getByRole('button', { name: /^Yes: talking to me/ }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Record the rhythm and observations' });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    const obscured = async () => {
      const barBottom = (await bar.boundingBox())!.y + (await bar.boundingBox())!.height;
      return page.evaluate((limit) => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body || el.closest('.runner-collapse, header')) return null;
        const box = el.getBoundingClientRect();
        return box.bottom <= limit + 1 ? `${el.tagName} "${(el.textContent ?? '').slice(0, 30)}" under the bar (${Math.round(box.bottom)} <= ${Math.round(limit)})` : null;
      }, barBottom);
    };
    expect(await obscured()).toBeNull();
    // Backwards through the page from the bottom: each control scrolls clear of the bar.
    expect(await tabBackFromFoot(page, obscured)).toEqual([]);
    await context.close();
  });

  for (const viewport of [{ width: 1024, height: 768 }, { width: 820, height: 1180 }, { width: 390, height: 844 }]) {
    for (const text of [100, 200]) {
      it(`the decision is above the fold at ${viewport.width}x${viewport.height}, ${text} % text`, { timeout: 120_000 }, async () => {
        const { context, page } = await openContext(browser, { viewport });
        await openFirstQuestion(page, text);
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/fold-${viewport.width}x${viewport.height}-${text}.png` });
        expect(await page.getByRole('navigation', { name: 'Sections' }).count(), 'sections folded').toBe(0);
        const bar = (await page.getByRole('button', { name: 'Patient collapsed / not breathing normally' }).boundingBox())!;
        const heading = (await page.getByRole('heading', { level: 1, name: FIRST_QUESTION }).boundingBox())!;
        const answers = page.getByRole('group', { name: 'Answers' }).getByRole('button');
        const boxes = await answers.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().toJSON() as DOMRect));
        expect(boxes).toHaveLength(3);
        // The step heading is in full view, below the sticky collapse bar.
        expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
        expect(heading.y + heading.height).toBeLessThanOrEqual(viewport.height);
        if (text === 100) {
          // The whole decision with the trail above it, without scrolling.
          expect(await page.evaluate(() => window.scrollY)).toBe(0);
          expect((await page.getByRole('region', { name: 'Where you are' }).boundingBox())!.y).toBeGreaterThanOrEqual(0);
          expect(Math.max(...boxes.map((box) => box.bottom)), 'last option bottom').toBeLessThanOrEqual(viewport.height);
        } else {
          // At 200 % text the decision starts above the fold: the first option is on screen under the heading.
          expect(boxes[0]!.top, 'first option top').toBeLessThan(viewport.height - 48);
        }
        // The header's buttons (folded sections, theme) wrap rather than run off either side.
        const header = await page.locator('header button').evaluateAll((buttons) => buttons.map((button) => {
          const box = button.getBoundingClientRect();
          return { name: button.textContent, left: Math.round(box.left), right: Math.round(box.right) };
        }));
        expect(header.length).toBeGreaterThan(0);
        expect(header.filter((button) => button.left < 0 || button.right > viewport.width), 'header buttons off screen').toEqual([]);
        await context.close();
      });
    }
  }
});
