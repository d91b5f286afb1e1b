// After one online visit the whole app starts and every section opens with no
// network, including a deep link, and no request ever leaves this machine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SECTION_HEADINGS, baseUrl, launchBrowser, openContext, openSection, visitAndInstall } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline start', () => {
  it('starts offline after one online visit and opens every section', async () => {
    const { context, page, foreignRequests, consoleErrors } = await openContext(browser);
    await visitAndInstall(page);
    await context.setOffline(true);
    await page.reload();
    for (const section of SECTION_HEADINGS) {
      await openSection(page, section.nav);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(section.heading);
    }
    // A deep link typed while offline is served from the precache too.
    await page.goto(baseUrl() + '/settings');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/settings/i);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    await context.close();
  });

  it('fetches every file an escalation can need at start, before any tap, so a later update can never strand it', async () => {
    const { context, page } = await openContext(browser);
    const manifest = JSON.parse(readFileSync(join(process.cwd(), 'dist', '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
    const needed = new Set<string>();
    const add = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || needed.has(chunk.file) || chunk.file === entry.file) return;
      needed.add(chunk.file);
      (chunk.imports ?? []).forEach(add);
    };
    (entry.dynamicImports ?? []).forEach(add);
    expect([...needed].some((file) => file.includes('escalationRuntime'))).toBe(true);
    const requested = new Set<string>();
    page.on('request', (request) => requested.add(new URL(request.url()).pathname.replace(/^\//, '')));
    await page.goto(baseUrl() + '/escalate');
    await expect.poll(() => [...needed].filter((file) => !requested.has(file)), { timeout: 15_000 }).toEqual([]);
    await context.close();
  });

  it('serves every page with a content security policy that forbids inline script and other origins', async () => {
    const { context, page } = await openContext(browser);
    const response = await page.goto(baseUrl() + '/');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    const inlineScripts = await page.locator('script:not([src])').count();
    expect(inlineScripts).toBe(0);
    await context.close();
  });
});
