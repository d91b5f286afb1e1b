// Alarms and 999 in the real browser (production build): a call-back wait
// that runs out while Settings is open alarms there at once and keeps ringing
// until acknowledged; a fresh install (nothing in the directory) has a 999
// dial link on the emergency call. The tel: link is asserted, never tapped
// (a tapped tel: link stalls headless Chromium).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtInSops } from '../../src/sops';
import { enumeratePaths, type SopDocument } from '../../src/engine';
import { axeViolations } from './support/axe';
import { tabBackFromFoot } from './support/focusWalk';
import { launchBrowser, openContext, openSection, visitAndInstall } from './support/browser';
import { expectHeading, fillDirectory, leaveStep, localRoleIds, openFromList, shownSteps } from './support/runnerPaths';

const fastAf = builtInSops.find((doc) => doc.id === 'fast-af')!;

/** The shortest echo path of an SOP that reaches a step. */
function pathTo(doc: SopDocument, stepId: string) {
  const path = enumeratePaths(doc, { modality: 'echo' })
    .filter((p) => p.steps.some((s) => s.stepId === stepId))
    .sort((a, b) => a.steps.length - b.steps.length)[0];
  if (!path) throw new Error(`no path to ${stepId}`);
  const steps = shownSteps(doc, path);
  return steps.slice(0, steps.findIndex(({ step }) => step.id === stepId) + 1);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function tablet(viewport = { width: 768, height: 1024 }) {
  const session = await openContext(browser, { viewport });
  await session.context.clock.install({ time: Date.now() });
  await visitAndInstall(session.page, '/escalate');
  await session.page.getByRole('button', { name: 'Echo' }).click();
  return session;
}

/** Fast AF with the directory filled, walked to its wait for the specialist's call back (on screen). */
async function atTheSpecialistWait(page: Page) {
  await fillDirectory(page, localRoleIds([fastAf]));
  const steps = pathTo(fastAf, 'waitSpecialistNow');
  const wait = steps.at(-1)!.step;
  if (wait.kind !== 'wait') throw new Error('not a wait');
  await openFromList(page, fastAf);
  for (const { step, via } of steps.slice(0, -1)) {
    await expectHeading(page, step.title);
    await leaveStep(page, step, via);
  }
  await expectHeading(page, wait.title);
  return wait;
}

describe('alarms and 999 in the browser', () => {
  it('a fresh install shows a 999 dial link on the emergency ambulance call', async () => {
    const { page, context } = await tablet();
    const steps = pathTo(fastAf, 'call999');
    await openFromList(page, fastAf);
    for (const { step, via } of steps.slice(0, -1)) {
      await expectHeading(page, step.title);
      await leaveStep(page, step, via);
    }
    await expectHeading(page, steps.at(-1)!.step.title);
    const call = page.getByRole('link', { name: /^Call 999/ });
    await expect.poll(() => call.count()).toBe(1);
    expect(await call.getAttribute('href')).toBe('tel:999');
    await context.close();
  }, 120_000);

  it('a wait that runs out while Settings is open alarms there and repeats until acknowledged', async () => {
    const { page, context } = await tablet();
    const wait = await atTheSpecialistWait(page);
    await openSection(page, 'Settings');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Settings');
    await context.clock.fastForward(wait.minutes * 60_000 + 1000);
    const alarm = page.locator('.alarm-banner__alarm');
    await expect.poll(() => alarm.count(), { timeout: 10_000 }).toBe(1);
    expect(await alarm.textContent()).toContain(`Time is up: ${wait.title}`);
    expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Settings');
    const rings = async () => Number(await alarm.getAttribute('data-rings'));
    const first = await rings();
    // Every timer due in the next 31 s fires (a jump would fire the repeat once).
    await context.clock.runFor(31_000);
    await expect.poll(rings).toBeGreaterThanOrEqual(first + 2);
    await page.getByRole('button', { name: 'Acknowledge alarm' }).click();
    await expect.poll(() => alarm.count()).toBe(0);
    await context.clock.fastForward(31_000);
    expect(await alarm.count()).toBe(0);
    // Back in the episode the escalation has moved on to the next contact.
    await openSection(page, 'Escalate');
    const next = fastAf.steps.find((s) => s.id === wait.onExpire)!;
    await expectHeading(page, next.title);
    await context.close();
  }, 120_000);

  it('an alarm ringing during an episode never covers the collapse button, and focus clears both sticky bars', async () => {
    // A phone: the banner is tall and the episode scrolls, so both stick at the top.
    const { page, context } = await tablet({ width: 390, height: 844 });
    const wait = await atTheSpecialistWait(page);
    await context.clock.fastForward(wait.minutes * 60_000 + 1000);
    const banner = page.getByRole('region', { name: 'Alarms' });
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    const collapse = page.getByRole('button', { name: 'Patient collapsed / not breathing normally' });
    await page.waitForTimeout(200);

    // At the top, part way down and at the bottom of the page: the button is
    // clear of the banner, a full-size target, and a tap at its centre hits it.
    const covered = async (where: string) => {
      const bar = (await collapse.boundingBox())!;
      const alarm = (await banner.boundingBox())!;
      const problems: string[] = [];
      if (bar.height < 48 || bar.width < 48) problems.push(`${where}: button ${Math.round(bar.width)}x${Math.round(bar.height)}`);
      const overlap = bar.y < alarm.y + alarm.height && alarm.y < bar.y + bar.height && bar.x < alarm.x + alarm.width && alarm.x < bar.x + bar.width;
      if (overlap) problems.push(`${where}: button ${Math.round(bar.y)}-${Math.round(bar.y + bar.height)} under the banner ${Math.round(alarm.y)}-${Math.round(alarm.y + alarm.height)}`);
      const hit = await collapse.evaluate((button) => {
        const box = button.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return top !== null && button.contains(top) ? null : `${top?.tagName}.${top?.className}`;
      });
      if (hit) problems.push(`${where}: a tap at the button's centre hits ${hit}`);
      if (bar.y < 0 || bar.y + bar.height > 844) problems.push(`${where}: button off screen at ${Math.round(bar.y)}`);
      return problems;
    };
    const problems = await covered('top');
    const height = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(height, 'the episode scrolls').toBeGreaterThan(100);
    for (const fraction of [0.25, 0.5, 1]) {
      await page.evaluate((y) => window.scrollTo(0, y), Math.round(height * fraction));
      await page.waitForTimeout(100);
      problems.push(...await covered(`scrolled ${fraction * 100} %`));
    }
    expect(problems).toEqual([]);

    // Backwards through the page from the bottom: each control scrolls clear of both sticky bars.
    const hidden = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el.closest('.runner-collapse, .alarm-banner, header')) return null;
      const box = el.getBoundingClientRect();
      const under = [...document.querySelectorAll('.runner-collapse, .alarm-banner')].map((bar) => bar.getBoundingClientRect())
        .filter((bar) => box.top < bar.bottom - 1 && bar.top < box.bottom - 1 && box.left < bar.right && bar.left < box.right);
      return under.length ? `${el.tagName} "${(el.textContent ?? '').slice(0, 30)}" at ${Math.round(box.top)}-${Math.round(box.bottom)} under a sticky bar to ${Math.round(Math.max(...under.map((bar) => bar.bottom)))}` : null;
    });
    expect(await tabBackFromFoot(page, hidden)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);

  it('on a phone at 200 % text the alarm\'s Acknowledge buttons stay on screen while its text scrolls in the banner', async () => {
    const { page, context } = await tablet({ width: 390, height: 844 });
    const wait = await atTheSpecialistWait(page);
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
    await context.clock.fastForward(wait.minutes * 60_000 + 1000);
    const banner = page.getByRole('region', { name: 'Alarms' });
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    await page.waitForTimeout(200);
    const box = (await banner.boundingBox())!;
    // The banner is at its half-screen cap: its text scrolls inside it.
    expect(await banner.evaluate((element) => element.scrollHeight > element.clientHeight + 1)).toBe(true);
    const problems: string[] = [];
    for (const name of ['Acknowledge alarm', 'Acknowledge and go to it']) {
      const button = page.getByRole('button', { name });
      const at = (await button.boundingBox())!;
      if (at.height < 48) problems.push(`${name}: ${Math.round(at.height)} px tall`);
      if (at.y < box.y || at.y + at.height > box.y + box.height + 1) problems.push(`${name}: at ${Math.round(at.y)}-${Math.round(at.y + at.height)}, outside the banner's ${Math.round(box.y)}-${Math.round(box.y + box.height)}`);
      const hit = await button.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        const top = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        return top !== null && element.contains(top) ? null : `${top?.tagName}.${top?.className}`;
      });
      if (hit) problems.push(`${name}: a tap at its centre hits ${hit}`);
    }
    expect(problems).toEqual([]);
    // The text scrolls under the buttons and can all be read.
    await banner.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    const text = page.locator('.alarm-banner__text');
    const last = await text.evaluate((element) => element.getBoundingClientRect().bottom);
    const actions = await page.locator('.alarm-banner__actions').evaluate((element) => element.getBoundingClientRect().top);
    expect(last).toBeLessThanOrEqual(actions + 1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Acknowledge alarm' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await context.close();
  }, 120_000);

  it('the Settings test alarm rings and shows the banner until acknowledged', async () => {
    const { page, context } = await tablet();
    await openSection(page, 'Settings');
    await page.getByRole('button', { name: 'Test alarm' }).click();
    const alarm = page.locator('.alarm-banner__alarm');
    await expect.poll(() => alarm.count()).toBe(1);
    await page.getByRole('button', { name: 'Acknowledge alarm' }).click();
    await expect.poll(() => alarm.count()).toBe(0);
    await context.close();
  }, 60_000);
});
