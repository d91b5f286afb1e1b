// Starts Debian's Chromium (never a downloaded browser) and opens contexts that
// record every request, so a test can prove nothing left localhost.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function baseUrl(): string {
  return inject('baseUrl');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

export interface RecordedContext {
  context: BrowserContext;
  page: Page;
  /** Every URL requested by pages and the service worker that was not on this machine. */
  foreignRequests: string[];
  consoleErrors: string[];
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function openContext(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' } = {},
): Promise<RecordedContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 768 },
    serviceWorkers: 'allow',
    colorScheme: options.colorScheme ?? 'light',
  });
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && !LOCAL_HOSTS.has(url.hostname)) foreignRequests.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return { context, page, foreignRequests, consoleErrors };
}

/** Loads the app and waits until its service worker is active, which means every asset is precached. */
export async function visitAndInstall(page: Page, path = '/'): Promise<void> {
  await page.goto(baseUrl() + path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

export const SECTION_HEADINGS = [
  { nav: 'Escalate', heading: /escalat/i },
  { nav: 'Log', heading: /log/i },
  { nav: 'Author', heading: /author/i },
  { nav: 'Settings', heading: /settings/i },
] as const;

export async function openSection(page: Page, nav: string): Promise<void> {
  // During an episode the header folds the sections behind one button.
  const fold = page.getByRole('banner').getByRole('button', { name: 'Sections' });
  if ((await fold.count()) > 0 && (await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: nav, exact: true }).click();
}

/**
 * A tablet-sized context with the app installed at the Escalate list and Echo
 * chosen as the modality: where the runner's browser tests start. Offline
 * reloads the installed app with the network off first.
 */
export async function openTabletAtEscalate(browser: Browser, options: { offline?: boolean } = {}): Promise<RecordedContext> {
  const session = await openContext(browser, { viewport: { width: 768, height: 1024 } });
  await visitAndInstall(session.page, '/escalate');
  if (options.offline) {
    await session.context.setOffline(true);
    await session.page.reload();
  }
  await session.page.getByRole('button', { name: 'Echo' }).click();
  return session;
}
