// One episode open in two tabs of the real browser: the tab running it holds
// the episode's Web Lock (its lease), so the other tab's tap is not saved and
// says where the episode is open, and saves once the first tab has closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtInSops } from '../../src/sops';
import { baseUrl, launchBrowser, openTabletAtEscalate, type RecordedContext } from './support/browser';
import { expectHeading, leaveStep, loggedEvents, mostUrgentPath, openFromList, shownSteps } from './support/runnerPaths';

let browser: Browser;
let session: RecordedContext;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openTabletAtEscalate(browser);
});
afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

describe('one episode in two tabs', () => {
  it('saves only in the tab running it; the other says where it is open, and saves once that tab has closed', async () => {
    const doc = builtInSops[0]!;
    const [first, second] = shownSteps(doc, mostUrgentPath(doc, 'echo'));
    const running = session.page;
    await openFromList(running, doc);
    await expectHeading(running, first!.step.title);
    await expect.poll(() => running.url()).toMatch(/\/escalate\/episode\//);
    const before = await loggedEvents(running);

    const other = await session.context.newPage();
    await other.goto(running.url().replace(/^https?:\/\/[^/]+/, baseUrl()));
    await expectHeading(other, first!.step.title);
    await leaveStep(other, first!.step, first!.via);
    await expect.poll(() => other.getByRole('alert').filter({ hasText: 'open in another tab or window' }).count(), { timeout: 10_000 }).toBe(1);
    // Not saved, and not shown as if it were: the log is as it was, and the flow stops until it is saved.
    expect(await loggedEvents(other)).toEqual(before);
    expect(await other.getByRole('heading', { name: 'Not saved yet' }).count()).toBe(1);
    expect(await other.getByRole('heading', { name: second!.step.title }).filter({ visible: true }).count()).toBe(0);

    await running.close();
    await other.getByRole('button', { name: 'Try again' }).click();
    await expectHeading(other, second!.step.title);
    const after = await loggedEvents(other);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
    expect(after.slice(before.length).filter((e) => ['answered', 'continued', 'contact-attempt', 'wait-ended'].includes(e.type))).toHaveLength(1);
    expect(session.foreignRequests).toEqual([]);
  }, 60_000);
});
