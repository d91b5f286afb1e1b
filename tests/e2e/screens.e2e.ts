// Every screen in both themes: the light theme and the low-glare dark theme
// (chosen by the device's prefers-color-scheme, then flipped by the header's
// one-tap switch). Each screen is saved as a picture under
// test-results/screens/<theme>/ (kept by CI as artifacts) and passes axe-core
// 4.14 with no WCAG 2.2 A/AA violation; no screen is a white page in the dark.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AXE_VERSION, axeViolations } from './support/axe';
import { baseUrl, launchBrowser, openContext, openSection, visitAndInstall } from './support/browser';

export const SCREENS_DIR = 'test-results/screens';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The page's own background where nothing is drawn over it, as r,g,b. */
async function pageBackground(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const colour = getComputedStyle(document.body).backgroundColor;
    return (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  });
}

async function stepHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A named screen: waits for it, saves its picture, scans it. */
async function capture(page: Page, theme: string, name: string, seen: string[], problems: string[]): Promise<void> {
  await page.waitForTimeout(150);
  const dir = `${SCREENS_DIR}/${theme}`;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  seen.push(name);
  for (const violation of await axeViolations(page)) problems.push(`${name}: ${violation}`);
}

/** Walks the app's screens: Escalate list, each step kind of Fast AF, the collapse steps, Log, Author, Settings. */
async function everyScreen(page: Page, theme: string): Promise<{ seen: string[]; problems: string[] }> {
  const seen: string[] = [];
  const problems: string[] = [];
  mkdirSync(`${SCREENS_DIR}/manifest`, { recursive: true });
  await visitAndInstall(page, '/escalate');
  await page.getByRole('button', { name: 'Echo' }).click();
  await page.getByRole('button', { name: /^Fast AF/ }).waitFor();
  await capture(page, theme, 'escalate-list', seen, problems);
  // The manifest's wide install picture (public/screenshots is copied from here).
  await page.screenshot({ path: `${SCREENS_DIR}/manifest/escalate-wide-${theme}.png` });

  await page.getByRole('button', { name: /^Fast AF/ }).click();
  await stepHeading(page, 'Is the patient responsive and breathing normally?');
  await capture(page, theme, 'step-question', seen, problems);
  await page.getByRole('button', { name: /^Yes: talking to me/ }).click();
  await stepHeading(page, 'Record the rhythm and observations');
  await capture(page, theme, 'step-actions', seen, problems);
  await page.getByRole('button', { name: 'Continue' }).click();
  await stepHeading(page, 'Any sign of shock?');
  await page.getByRole('button', { name: 'Yes', exact: true }).click();
  // The emergency call comes first, before any checklist.
  await stepHeading(page, 'Call 999 for an emergency ambulance');
  await capture(page, theme, 'step-contact', seen, problems);
  await page.getByRole('button', { name: /^Abandon/ }).click();
  await page.getByRole('heading', { level: 1, name: /abandon/i }).waitFor();
  await capture(page, theme, 'abandon', seen, problems);
  await page.getByRole('button', { name: /Go back|Keep going|Cancel/ }).first().click();
  await page.getByRole('button', { name: 'Patient collapsed / not breathing normally' }).first().click();
  await page.waitForTimeout(300);
  await capture(page, theme, 'collapse', seen, problems);

  await openSection(page, 'Log');
  await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
  await page.getByRole('button', { name: /view episode started/i }).first().waitFor();
  await capture(page, theme, 'log-episodes', seen, problems);
  await page.getByRole('button', { name: /view episode started/i }).first().click();
  await page.getByRole('heading', { level: 2, name: /^Episode started/ }).waitFor();
  await capture(page, theme, 'log-episode', seen, problems);
  await page.getByRole('button', { name: 'Dashboard' }).click();
  await page.waitForTimeout(500);
  await capture(page, theme, 'log-dashboard', seen, problems);

  await openSection(page, 'Author');
  await page.getByRole('heading', { level: 1, name: 'Author SOPs' }).waitFor();
  await capture(page, theme, 'author-library', seen, problems);
  await page.getByRole('link', { name: 'Library log' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library log' }).waitFor();
  await capture(page, theme, 'author-library-log', seen, problems);
  await openSection(page, 'Author');
  await page.getByRole('heading', { level: 1, name: 'Author SOPs' }).waitFor();
  await page.getByRole('listitem', { name: /Atrial arrhythmia with a rapid ventricular rate template/ }).getByRole('link', { name: 'Open' }).click();
  await page.getByRole('group', { name: /Diagram of Atrial arrhythmia/ }).waitFor();
  await capture(page, theme, 'author-version', seen, problems);
  await page.getByRole('button', { name: 'Start a draft from this' }).click();
  await page.getByRole('heading', { level: 1, name: /^Edit draft/ }).waitFor();
  await capture(page, theme, 'author-editor', seen, problems);

  await openSection(page, 'Settings');
  await page.getByRole('heading', { level: 1, name: /settings/i }).waitFor();
  await capture(page, theme, 'settings', seen, problems);
  await page.getByRole('button', { name: /^Edit / }).first().click();
  await page.getByRole('heading', { name: /^Edit: / }).waitFor();
  await capture(page, theme, 'settings-directory-edit', seen, problems);
  return { seen, problems };
}

describe(`every screen in both themes (axe-core ${AXE_VERSION})`, () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: pictures of every screen, and axe finds no WCAG 2.2 A/AA violation`, { timeout: 240_000 }, async () => {
      const { context, page, consoleErrors } = await openContext(browser, { viewport: { width: 1024, height: 768 }, colorScheme: theme });
      const { seen, problems } = await everyScreen(page, theme);
      expect(problems).toEqual([]);
      expect(seen.length).toBeGreaterThanOrEqual(14);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const [r, g, b] = await pageBackground(page);
      if (theme === 'dark') expect(Math.max(r!, g!, b!)).toBeLessThan(64);
      expect(Math.min(r!, g!, b!), 'no pure-white page').toBeLessThan(255);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it('the header switch flips the theme in one tap on any screen and keeps it after a reload', async () => {
    const { context, page } = await openContext(browser, { viewport: { width: 390, height: 844 }, colorScheme: 'light' });
    await page.goto(`${baseUrl()}/log`);
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    mkdirSync(`${SCREENS_DIR}/manifest`, { recursive: true });
    await page.screenshot({ path: `${SCREENS_DIR}/manifest/log-narrow-dark.png` });
    expect(await page.getByRole('banner').getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
