// The author's whole journey in the production build: import an SOP file
// with an error, fix it in the editor, publish it with a sign-off, and see the
// Escalate screen run the new version. Then the print view at A4 size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, openContext, openSection } from './support/browser';
import { axeViolations } from './support/axe';

const fastAf = JSON.parse(readFileSync('src/sops/fast-af.json', 'utf8')) as {
  shortTitle: string;
  steps: Array<{ id: string; title: string }>;
};
const FIRST_STEP_TITLE = fastAf.steps[0]!.title;

/** fast-af as the network adapted it, with one mistake: the first step has no title. */
function brokenFile(): Buffer {
  const doc = { ...fastAf, shortTitle: 'Fast AF (network version)', steps: fastAf.steps.map((s, i) => (i === 0 ? { ...s, title: '' } : s)) };
  return Buffer.from(JSON.stringify(doc, null, 2));
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function publishDraft(page: Page) {
  await page.getByLabel('Approver name').fill('Network lead');
  await page.getByLabel('Approver role').fill('Consultant cardiologist');
  const publish = page.getByRole('button', { name: /Publish version/ });
  await expect.poll(() => publish.isEnabled()).toBe(true);
  await publish.click();
  const confirm = page.getByRole('alertdialog', { name: /^Publish version/ });
  await confirm.getByRole('button', { name: /^Yes, publish version/ }).click();
  await page.waitForURL(/\/author\/view\/[0-9a-f]{64}$/);
}

describe('authoring an SOP', () => {
  it('imports a file with errors, fixes it in the editor, publishes it, and Escalate runs the new version', async () => {
    const { context, page, consoleErrors, foreignRequests } = await openContext(browser);
    await page.goto(`${baseUrl()}/author`);
    await page.getByLabel('Choose an SOP file').setInputFiles({ name: 'fast-af-network.json', mimeType: 'application/json', buffer: brokenFile() });

    await page.getByText('“fast-af-network.json” was not imported: nothing was stored.').waitFor();
    const problems = page.getByRole('region', { name: 'Problems found' });
    await problems.getByRole('heading', { name: `Step “${fastAf.steps[0]!.id}” (untitled)` }).waitFor();
    expect(await problems.textContent()).toContain('must not be empty');

    await page.getByRole('button', { name: 'Fix it in the editor' }).click();
    await page.getByText(/Not saved: this imported file is kept on this screen only/).waitFor();
    expect(await page.getByRole('button', { name: /Publish version/ }).isDisabled()).toBe(true);

    const firstStep = page.getByRole('article').first();
    await firstStep.getByRole('button', { name: /^Edit step / }).click();
    await firstStep.getByLabel('Title', { exact: true }).fill(FIRST_STEP_TITLE);
    await page.getByRole('heading', { name: /^No errors/ }).waitFor();
    await page.getByText('All changes saved').waitFor();
    await publishDraft(page);
    await page.getByText('This version is frozen. To change it, start a new draft from it.').waitFor();

    await openSection(page, 'Escalate');
    const echo = page.getByRole('button', { name: 'Echo', exact: true });
    if (await echo.isVisible()) await echo.click();
    const sop = page.getByRole('button', { name: /Fast AF \(network version\)/ });
    await sop.waitFor();
    expect(await sop.textContent()).not.toContain('Template');
    await sop.click();
    await page.getByRole('heading', { name: FIRST_STEP_TITLE }).first().waitFor();
    expect(await page.getByRole('status', { name: 'Template warning' }).count()).toBe(0);

    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('prints an SOP on A4 portrait with the diagram, contacts, references and sign-off block', async () => {
    const a4 = { width: 794, height: 1123 };
    const { context, page, consoleErrors } = await openContext(browser, { viewport: a4 });
    await page.goto(`${baseUrl()}/author`);
    await page.getByRole('listitem', { name: /Atrial arrhythmia with a rapid ventricular rate template/ }).getByRole('link', { name: 'Print' }).click();
    await page.getByRole('group', { name: /Diagram of Atrial arrhythmia/ }).first().waitFor();
    await page.emulateMedia({ media: 'print' });

    expect(await page.getByRole('banner').first().isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Contacts by role' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'References' }).isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Sign-off' }).textContent()).toContain('Content hash');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const diagram = await page.getByRole('group', { name: /Diagram of Atrial arrhythmia/ }).first().boundingBox();
    expect(diagram!.width).toBeGreaterThan(a4.width * 0.6);
    // Legible on paper: every tile of the flow is drawn at 65 % or more of the diagram's size (never shrunk to fit),
    // and the largest shipped SOP needs more than one tile.
    const scales = await page.locator('svg.sop-diagram__svg').evaluateAll((svgs) => svgs.map((svg) => {
      const box = (svg as SVGSVGElement).viewBox.baseVal;
      return svg.getBoundingClientRect().width / box.width;
    }));
    expect(scales.length).toBeGreaterThan(1);
    expect(Math.min(...scales)).toBeGreaterThanOrEqual(0.649);
    expect(await page.getByText(/^Printed in \d+ parts/).isVisible()).toBe(true);

    mkdirSync('tests/e2e/artifacts', { recursive: true });
    const shot = await page.screenshot({ path: 'tests/e2e/artifacts/author-print-a4.png' });
    expect(shot.readUInt32BE(16)).toBe(a4.width);
    expect(shot.readUInt32BE(20)).toBe(a4.height);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('has no WCAG 2.2 A/AA violations on a version page, in the editor with problems, and in its diagram', { timeout: 150_000 }, async () => {
    const { context, page } = await openContext(browser, { viewport: { width: 768, height: 1024 } });
    await page.goto(`${baseUrl()}/author`);
    await page.getByRole('listitem', { name: /Atrial arrhythmia with a rapid ventricular rate template/ }).getByRole('link', { name: 'Open' }).click();
    await page.getByRole('group', { name: /Diagram of Atrial arrhythmia/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start a draft from this' }).click();
    const firstStep = page.getByRole('article').first();
    await firstStep.getByRole('button', { name: /^Edit step / }).click();
    await firstStep.getByLabel('Title', { exact: true }).fill('');
    await page.getByRole('region', { name: 'Problems found' }).getByRole('heading', { name: /1 problem to fix/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Diagram', exact: true }).click();
    await page.getByRole('button', { name: /edit step .*\. .*Problem: / }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
