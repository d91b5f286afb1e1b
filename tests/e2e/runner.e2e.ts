// The runner in the production build, offline: each of the eight mandated
// SOPs walked down its most urgent path to its outcome, a reload mid-episode,
// the log holding every step in order, axe on every step kind and 48 px
// touch targets at 768x1024.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtInSops, collapseSop } from '../../src/sops';
import type { SopDocument } from '../../src/engine';
import { launchBrowser, openTabletAtEscalate, type RecordedContext } from './support/browser';
import { abandonStartedInError, expectHeading, fillDirectory, leaveStep, localRoleIds, loggedEvents, mostUrgentPath, openFromList, shownSteps } from './support/runnerPaths';
import { axeViolations } from './support/axe';

const MANDATED = builtInSops.slice(0, 8);

let browser: Browser;
let session: RecordedContext;
beforeAll(async () => {
  browser = await launchBrowser();
  session = await openTabletAtEscalate(browser, { offline: true });
  // Every path of the SOPs is walked as a configured service would: each role has a number.
  await fillDirectory(session.page, localRoleIds([...builtInSops, collapseSop]));
});
afterAll(async () => {
  await session?.context.close();
  await browser?.close();
});

async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>('main button, main a[href], main li:has(input[type="checkbox"]), main input');
    return [...targets]
      .filter((el) => el.offsetParent !== null && !el.closest('[inert]'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 48 || box.width < 48)
      .map(({ el, box }) => `${el.tagName} "${(el.textContent ?? '').slice(0, 40)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
  });
}

/**
 * The transform of each button in sight (out of the inert slots), at rest and
 * pressed: :active forced through the DevTools protocol, as a finger's press sets it.
 */
async function pressLooks(page: Page, selector: string): Promise<Array<{ name: string; option: boolean; rest: string; active: string }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const transform = async (nodeId: number) => (await cdp.send('CSS.getComputedStyleForNode', { nodeId })).computedStyle.find((p) => p.name === 'transform')?.value ?? 'none';
    const inSight = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => !el.closest('[inert]')), selector);
    const looks = [];
    for (const [index, nodeId] of nodeIds.entries()) {
      if (!inSight[index]) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      const name = outerHTML.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 50);
      const rest = await transform(nodeId);
      await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: ['active'] });
      const active = await transform(nodeId);
      await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: [] });
      looks.push({ name, option: /class="runner-choice[ "]/.test(outerHTML), rest, active });
    }
    return looks;
  } finally {
    await cdp.detach();
  }
}

async function walk(page: Page, doc: SopDocument, options: { checkEachKind?: Set<string>; reloadAt?: number } = {}) {
  const path = mostUrgentPath(doc, 'echo');
  const steps = shownSteps(doc, path);
  await openFromList(page, doc);
  for (const [index, { step, via }] of steps.entries()) {
    await expectHeading(page, step.title);
    // Focus follows each new step to its heading (just after it is painted), so a screen reader announces it.
    await expect.poll(() => page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null)), { timeout: 5_000 }).toBe(step.title);
    // The screens made ready for the next tap never show: one step heading is visible.
    expect(await page.locator('h1').filter({ visible: true }).count(), `visible headings on ${step.id}`).toBe(1);
    expect(await page.getByRole('button', { name: 'Patient collapsed / not breathing normally' }).count(), `collapse action on ${step.id}`).toBe(1);
    if (options.reloadAt === index) {
      await page.reload();
      await expectHeading(page, step.title);
    }
    if (options.checkEachKind && !options.checkEachKind.has(step.kind)) {
      options.checkEachKind.add(step.kind);
      expect(await axeViolations(page), `${doc.id} ${step.kind} step`).toEqual([]);
      expect(await smallTargets(page), `${doc.id} ${step.kind} step targets`).toEqual([]);
    }
    if (step.kind === 'outcome') break;
    await leaveStep(page, step, via);
  }
  return steps;
}

describe('runner in the browser, offline', () => {
  const kindsChecked = new Set<string>();
  for (const doc of MANDATED) {
    it(`walks "${doc.shortTitle ?? doc.title}" down its most urgent path to an emergency outcome, logging every step in order`, async () => {
      const { page } = session;
      await walk(page, doc, { checkEachKind: kindsChecked });
      await expect.poll(() => page.getByText(/^Urgency: Emergency now$/).count()).toBe(1);
      await page.getByRole('button', { name: 'Finish and save' }).click();
      await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Escalate/);
      const events = await loggedEvents(page);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.at(0)?.type).toBe('episode-started');
      const entered = events.filter((e) => e.type === 'step-entered').map((e) => e.stepId);
      expect(entered).toEqual(mostUrgentPath(doc, 'echo').steps.map((s) => s.stepId));
      expect(events.slice(-2).map((e) => e.type)).toEqual(['outcome-reached', 'episode-completed']);
      expect(session.foreignRequests).toEqual([]);
    }, 180_000);
  }

  it('checked axe and touch targets on every shown step kind', () => {
    expect([...kindsChecked].sort()).toEqual(['actions', 'contact', 'outcome', 'question', 'wait']);
  });

  it('reveals the screen made ready for a tap as soon as its record is saved, and React\'s draw after leaves the stage as revealed', async () => {
    const { page } = session;
    const doc = MANDATED[0]!;
    const [first, next] = shownSteps(doc, mostUrgentPath(doc, 'echo'));
    const { step, via } = first!;
    await openFromList(page, doc);
    await expectHeading(page, step.title);
    await expect.poll(() => page.locator('.runner-stage__slot--ready h1').allTextContents(), { timeout: 10_000 }).toContain(next!.step.title);
    const revealed = () => page.evaluate(() => performance.getEntriesByName('runner:revealed-in-page').length);
    const before = await revealed();
    await leaveStep(page, step, via);
    await expectHeading(page, next!.step.title);
    expect(await revealed()).toBe(before + 1);
    // One slot on show and in reach, the others inert and hidden, after React has drawn the move too; focus follows.
    const inReach = () => page.evaluate(() => [...document.querySelectorAll('.runner-stage__slot:not([inert])')].map((slot) => [slot.className, slot.getAttribute('aria-hidden'), slot.querySelector('h1')?.textContent]));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(next!.step.title);
    expect(await inReach()).toEqual([['runner-stage__slot', null, next!.step.title]]);
    expect(await page.locator('.runner-stage__slot[inert]:not([aria-hidden="true"])').count()).toBe(0);
    await abandonStartedInError(page);
  }, 120_000);

  it('shows a press on each option by changing a move it holds at rest: no button\'s press adds a transform', async () => {
    // A press that adds a transform makes the browser rebuild the page's
    // paint layers in the frame after a finger's tap, while the tap's record
    // is being written: the next step shows later (docs/architecture.md).
    const { page } = session;
    const doc = MANDATED[0]!;
    await openFromList(page, doc);
    await expectHeading(page, shownSteps(doc, mostUrgentPath(doc, 'echo'))[0]!.step.title);
    const looks = await pressLooks(page, 'main button');
    const options = looks.filter((look) => look.option);
    expect(options.length, 'options on show').toBeGreaterThan(1);
    // Each option shows its press (a move down, not a colour alone).
    for (const { name, rest, active } of options) expect(active, `${name} pressed`).not.toBe(rest);
    // Any button whose press moves it holds a move at rest.
    const moved = looks.filter(({ rest, active }) => active !== rest);
    expect(moved.filter(({ rest }) => rest === 'none').map(({ name }) => name)).toEqual([]);
    expect(moved.some((look) => !look.option), 'a button other than the options moves when pressed').toBe(true);
    await abandonStartedInError(page);
  }, 120_000);

  it('goes from a step straight to the local resuscitation steps, and abandoning asks why; both pass axe', async () => {
    const { page } = session;
    const doc = MANDATED[0]!;
    await openFromList(page, doc);
    await expectHeading(page, shownSteps(doc, mostUrgentPath(doc, 'echo'))[0]!.step.title);
    await page.getByRole('button', { name: 'Patient collapsed / not breathing normally' }).click();
    const first = collapseSop.steps.find((s) => s.id === collapseSop.start)!;
    await expectHeading(page, first.kind === 'modality' ? shownSteps(collapseSop, mostUrgentPath(collapseSop, 'echo'))[0]!.step.title : first.title);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abandon…' }).click();
    await expectHeading(page, 'Abandon this escalation?');
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Started in error' }).check();
    await page.getByRole('button', { name: 'Abandon escalation' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Escalate/);
    const events = await loggedEvents(page);
    expect(events.map((e) => e.type)).toContain('collapse');
    expect(events.at(-1)?.type).toBe('abandoned');
  }, 120_000);

  it('makes the outcome ready with its list left undrawn and its report wording and timeline (which tell the times) not yet made, and a contact its SBAR undrawn; draws them once shown, and keeps their focus ring whole', async () => {
    const { page } = session;
    const doc = MANDATED[2]!;
    const steps = shownSteps(doc, mostUrgentPath(doc, 'echo'));
    await openFromList(page, doc);
    // A contact screen made ready likewise leaves its SBAR panel undrawn.
    const readySbars = page.locator('.runner-stage__slot--ready .runner-sbar > h2');
    let sbarsSeen = 0;
    for (const { step, via } of steps.slice(0, -1)) {
      await expectHeading(page, step.title);
      await expect.poll(() => page.locator('.runner-stage__slot--ready').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // Whether a part is skipped is settled at the first frame after it is made, so it is polled for.
      const sbars = () => readySbars.evaluateAll((headings) => headings.map((h) => [h.checkVisibility(), h.checkVisibility({ contentVisibilityAuto: true })]));
      await expect.poll(async () => (await sbars()).filter(([present, drawn]) => !present || drawn), { message: `ready SBAR panels drawn at ${step.id}` }).toEqual([]);
      sbarsSeen += (await sbars()).length;
      if (step === steps.at(-2)!.step) break;
      await leaveStep(page, step, via);
    }
    expect(sbarsSeen).toBeGreaterThan(0);
    // Made ready out of sight for the last tap, the outcome's lower parts are skipped (their contents are
    // not styled, laid out or painted: content-visibility) though still in the page; the report wording and
    // the timeline, which tell the episode's times, are not made until it is on show (the tap that leads
    // there has not been made yet).
    const lower = (slot: string) => page.locator(`${slot} .runner-outcome .rendered-when-in-view`);
    const drawn = (slot: string) => lower(slot).evaluateAll((parts) => parts.map((part) => [part.firstElementChild!.checkVisibility(), part.firstElementChild!.checkVisibility({ contentVisibilityAuto: true })]));
    await expect.poll(() => lower('.runner-stage__slot--ready').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => drawn('.runner-stage__slot--ready')).toEqual([[true, false]]);
    expect(await lower('.runner-stage__slot--ready').locator('h2').allTextContents()).toEqual(['What to document']);
    const last = steps.at(-2)!;
    await leaveStep(page, last.step, last.via);
    await expectHeading(page, steps.at(-1)!.step.title);
    // Once shown all three are made, and drawn as they come near the viewport (the frame after the one that reveals the step).
    const shown = '.runner-stage__slot:not([inert])';
    await expect.poll(() => lower(shown).locator('h2').allTextContents()).toEqual(['Suggested report wording', 'What to document', 'Summary']);
    await expect.poll(async () => (await drawn(shown))[0]).toEqual([true, true]);
    await lower(shown).last().scrollIntoViewIfNeeded();
    await expect.poll(async () => (await drawn(shown)).at(-1)).toEqual([true, true]);

    // The paint containment that comes with it must not cut the focus ring: the strip left of the button changes when it has focus.
    const copy = page.getByRole('button', { name: 'Copy report wording' }).filter({ visible: true });
    await copy.scrollIntoViewIfNeeded();
    const box = (await copy.boundingBox())!;
    const strip = { x: box.x - 7, y: box.y + box.height / 2, width: 5, height: 2 };
    const before = await page.screenshot({ clip: strip, animations: 'disabled' });
    await copy.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await copy.evaluate((element) => element.matches(':focus-visible'))).toBe(true);
    const after = await page.screenshot({ clip: strip, animations: 'disabled' });
    expect(after.equals(before)).toBe(false);
    await page.getByRole('button', { name: 'Finish and save' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Escalate/);
  }, 120_000);

  it('comes back to the same step after a reload mid-episode and finishes it', async () => {
    const { page } = session;
    const doc = MANDATED[1]!;
    await walk(page, doc, { reloadAt: 4 });
    await page.getByRole('button', { name: 'Finish and save' }).click();
    const events = await loggedEvents(page);
    expect(events.filter((e) => e.type === 'step-entered').map((e) => e.stepId)).toEqual(mostUrgentPath(doc, 'echo').steps.map((s) => s.stepId));
  });

  it('commits a tap relaxed, as Chromium reports it, and flushes it with a strict checkpoint at the pause and when the page is hidden', async () => {
    const { page } = session;
    const doc = MANDATED[3]!;
    const [first, second] = shownSteps(doc, mostUrgentPath(doc, 'echo'));
    await openFromList(page, doc);
    await expectHeading(page, first!.step.title);
    // Every read-write transaction, with the durability the browser says it has. Dexie binds the
    // connection's `transaction` when it opens, so the watch goes in before the app starts (the
    // episode comes back after the reload).
    await page.addInitScript(() => {
      const seen: Array<{ stores: string; durability: string }> = [];
      (window as unknown as { __writes: typeof seen }).__writes = seen;
      const open = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        const transaction = open.apply(this, args);
        if (transaction.mode === 'readwrite') seen.push({ stores: [...transaction.objectStoreNames].join(','), durability: transaction.durability });
        return transaction;
      } as IDBDatabase['transaction'];
    });
    await page.reload();
    await expectHeading(page, first!.step.title);
    await page.evaluate(() => ((window as unknown as { __writes: unknown[] }).__writes.length = 0));
    const writes = () => page.evaluate(() => (window as unknown as { __writes: Array<{ stores: string; durability: string }> }).__writes.slice());
    await leaveStep(page, first!.step, first!.via);
    await expectHeading(page, second!.step.title);
    const tap = await writes();
    expect(tap.filter((w) => w.stores.includes('events'))).toEqual([{ stores: 'episodes,events,statsDue', durability: 'relaxed' }]);
    // The worker pauses: the checkpoint follows.
    await expect.poll(writes, { timeout: 10_000 }).toContainEqual({ stores: 'snapshots', durability: 'strict' });
    expect((await writes()).findIndex((w) => w.stores === 'snapshots')).toBeGreaterThan((await writes()).findIndex((w) => w.stores.includes('events')));

    // A tap, then the page hidden at once (screen off): the checkpoint does not wait for the pause.
    await page.evaluate(() => ((window as unknown as { __writes: unknown[] }).__writes.length = 0));
    await leaveStep(page, second!.step, second!.via);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(writes, { timeout: 1_000 }).toContainEqual({ stores: 'snapshots', durability: 'strict' });
    await page.evaluate(() => {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await abandonStartedInError(page);
  }, 120_000);
});
