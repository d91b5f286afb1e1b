// CPR mode in real Chromium on the production build: "Patient collapsed", the
// emergency call first (its tel: link checked, never clicked: a tel: link
// stalls the browser), then the CPR clock; the keyboard (a foot switch) starts
// the next cycle; a reload mid-cycle carries on from the stored times; axe
// finds no WCAG 2.2 A/AA violation on the clock in light and dark themes, with
// the prompts due as well; the clock reflows at 320 CSS px and its heading is
// clear of the sticky collapse bar. Pictures go to test-results/screens/<theme>/.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchBrowser, openContext, visitAndInstall } from './support/browser';
import { expectHeading } from './support/runnerPaths';

const SCREENS_DIR = 'test-results/screens';
const COLLAPSE = 'Patient collapsed / not breathing normally';
const START_CLOCK = 'CPR has started: start the CPR clock';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const seconds = (text: string | null) => {
  const parts = (text ?? '').replace('+', '').split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
};
const countdown = async (page: Page) => seconds(await page.locator('.runner-cpr__figure').textContent());
const sinceCollapse = async (page: Page) => seconds(await page.locator('.runner-cpr__since-figure').textContent());
const cycleLabel = (page: Page) => page.locator('.runner-cpr__cycle .runner-cpr__label').textContent();

/** Clock figures whose digits run out of the clock's column (under the buttons, or off the screen). */
const overflowingFigures = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.runner-cpr__figure, .runner-cpr__since-figure')]
  .flatMap((el) => {
    const digits = document.createRange();
    digits.selectNodeContents(el);
    const text = digits.getBoundingClientRect();
    const column = el.closest('.runner-cpr__clocks')!.getBoundingClientRect();
    return text.left < column.left - 1 || text.right > column.right + 1 ? [`${el.className}: ${Math.round(text.right)} > ${Math.round(column.right)}`] : [];
  }));

async function shoot(page: Page, theme: string, name: string): Promise<void> {
  mkdirSync(`${SCREENS_DIR}/${theme}`, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/${theme}/${name}.png`, fullPage: true });
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.dataset.theme);
  if (current !== theme) await page.getByRole('banner').getByRole('button', { name: 'Dark theme' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  await page.waitForTimeout(150);
}

/** From the Escalate list: "Patient collapsed", not breathing, the call (never dialled), then the CPR clock started. */
async function startCpr(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Echo' }).click();
  await page.getByRole('button', { name: COLLAPSE }).first().click();
  await expectHeading(page, 'Is the patient breathing normally?');
  expect(await page.getByRole('button', { name: START_CLOCK }).count()).toBe(0);
  await page.getByRole('button', { name: /^No, or only gasping/ }).click();
  // The call is the first action: its tel: link is on show, and no CPR clock yet.
  await expectHeading(page, 'Call the emergency number now');
  const call = page.getByRole('link', { name: /^Call / }).first();
  expect(await call.getAttribute('href')).toMatch(/^tel:\d/);
  expect(await page.getByRole('button', { name: START_CLOCK }).count()).toBe(0);
  await page.getByRole('button', { name: /^Team or ambulance on its way/ }).click();
  await expectHeading(page, 'Start CPR now');
  await page.getByRole('button', { name: START_CLOCK }).click();
  await expectHeading(page, 'CPR clock');
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('CPR clock');
}

describe('CPR mode in the browser', () => {
  it('call first, the clock, a key for the next cycle, a reload that carries on, axe in both themes', { timeout: 120_000 }, async () => {
    const { context, page, consoleErrors } = await openContext(browser, { viewport: { width: 1024, height: 768 }, colorScheme: 'light' });
    await visitAndInstall(page, '/escalate');
    await startCpr(page);
    expect(await cycleLabel(page)).toBe('Cycle 1: time left');
    expect(await countdown(page)).toBeGreaterThanOrEqual(115);

    // The heading is in full view below the sticky collapse bar.
    const bar = (await page.getByRole('button', { name: COLLAPSE }).boundingBox())!;
    const heading = (await page.getByRole('heading', { level: 1, name: 'CPR clock' }).boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height);

    // A foot switch sends Space: after the 5-second bounce guard it starts cycle 2.
    await page.waitForTimeout(5_500);
    await page.keyboard.press('Space');
    await expect.poll(() => cycleLabel(page)).toBe('Cycle 2: time left');
    await page.waitForTimeout(3_000);
    const before = { left: await countdown(page), since: await sinceCollapse(page) };
    expect(before.since).toBeGreaterThanOrEqual(8);
    expect(before.left).toBeLessThan(120);

    await page.reload();
    await expectHeading(page, 'CPR clock');
    expect(await cycleLabel(page)).toBe('Cycle 2: time left');
    // Carried on from the stored times: neither reset.
    const after = { left: await countdown(page), since: await sinceCollapse(page) };
    expect(after.since).toBeGreaterThanOrEqual(before.since);
    expect(after.left).toBeLessThanOrEqual(before.left);
    expect(after.left).toBeGreaterThan(before.left - 30);

    expect(await overflowingFigures(page)).toEqual([]);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await shoot(page, theme, 'cpr-clock');
      expect(await axeViolations(page), theme).toEqual([]);
    }

    // Reflow at 320 CSS px: no sideways scrolling on the clock.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await overflowingFigures(page)).toEqual([]);
    await shoot(page, 'dark', 'cpr-clock-320');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('the prompts due at the end of a cycle, with the alarm, pass axe in both themes', { timeout: 120_000 }, async () => {
    const { context, page, consoleErrors } = await openContext(browser, { viewport: { width: 1024, height: 768 }, colorScheme: 'dark' });
    await context.clock.install();
    await visitAndInstall(page, '/escalate');
    await startCpr(page);
    await page.clock.fastForward('02:05');
    await page.getByRole('list', { name: 'Due now' }).waitFor();
    expect(await page.getByRole('list', { name: 'Due now' }).getByRole('listitem').allTextContents())
      .toEqual(['Rhythm check — pause compressions < 10 s', 'Swap compressor']);
    await expect.poll(() => page.getByRole('region', { name: 'Alarms' }).textContent()).toMatch(/Rhythm check due: CPR cycle 1 is over/);
    expect(await overflowingFigures(page)).toEqual([]);
    for (const theme of ['dark', 'light'] as const) {
      await setTheme(page, theme);
      await shoot(page, theme, 'cpr-clock-due');
      expect(await axeViolations(page), theme).toEqual([]);
    }
    await page.getByRole('button', { name: 'Rhythm checked / new cycle' }).click();
    await expect.poll(() => cycleLabel(page)).toBe('Cycle 2: time left');
    await expect.poll(() => page.getByRole('region', { name: 'Alarms' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
