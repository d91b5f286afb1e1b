// Drives the Escalate screen in the browser along a path of an SOP, the way a
// physiologist would tap it, checking each step's heading as it appears.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { enumeratePaths, type Modality, type SopDocument, type SopPath, type Step } from '../../../src/engine';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function stepOf(doc: SopDocument, id: string): Step {
  const step = doc.steps.find((s) => s.id === id);
  if (!step) throw new Error(`${doc.id} has no step ${id}`);
  return step;
}

/**
 * The most urgent path worth walking: ends in an emergency outcome, ends a
 * wait early rather than waiting it out, passes every shown step kind, and is
 * the shortest such path.
 */
export function mostUrgentPath(doc: SopDocument, modality: Modality): SopPath {
  const kinds = (path: SopPath) => new Set(path.steps.map((s) => stepOf(doc, s.stepId).kind));
  const candidates = enumeratePaths(doc, { modality })
    .filter((path) => path.urgency === 'emergency' && !path.steps.some((s) => s.via === 'onExpire'))
    .sort((a, b) => kinds(b).size - kinds(a).size || a.steps.length - b.steps.length);
  const path = candidates[0];
  if (!path) throw new Error(`${doc.id} has no emergency path`);
  return path;
}

/** The shown steps of a path (modality routing is automatic). */
export function shownSteps(doc: SopDocument, path: SopPath): Array<{ step: Step; via: string | null }> {
  return path.steps.map((s) => ({ step: stepOf(doc, s.stepId), via: s.via })).filter(({ step }) => step.kind !== 'modality');
}

export async function heading(page: Page): Promise<string> {
  // The step on show: the screens made ready for the next tap are out of sight.
  return (await page.locator('h1').filter({ visible: true }).first().textContent()) ?? '';
}

export async function expectHeading(page: Page, title: string): Promise<void> {
  await expect.poll(() => heading(page), { timeout: 10_000 }).toBe(title);
}

function choiceLabel(step: Step, via: string | null): string {
  if (step.kind === 'question') return step.options.find((o) => o.id === via)!.label;
  if (step.kind === 'contact') return step.outcomes.find((o) => o.id === via)!.label;
  if (step.kind === 'wait') return step.endEarly.find((o) => o.id === via)!.label;
  return 'Continue';
}

/** Taps the way out of the step on screen. */
export async function leaveStep(page: Page, step: Step, via: string | null): Promise<void> {
  const label = choiceLabel(step, via);
  const name = step.kind === 'actions' ? 'Continue' : new RegExp(`^${escape(label)}(\\s*,|$)`);
  await page.getByRole('button', { name, exact: step.kind === 'actions' }).first().click();
  // "Gave advice" asks for the advice before moving on.
  if (step.kind === 'contact' && step.outcomes.find((o) => o.id === via)?.result === 'advised') {
    await page.getByRole('button', { name: 'Save advice and continue' }).click();
  }
}

/**
 * Puts a (made-up, clearly fake) number in the local directory for each role,
 * straight into IndexedDB, so no call is "not configured" (whose call-back
 * wait the runner passes at once). The 999 roles keep their national default.
 */
export async function fillDirectory(page: Page, roleIds: readonly string[]): Promise<void> {
  await page.evaluate(async (ids) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cdc-episode-log');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('directory', 'readwrite');
      for (const roleId of ids) {
        tx.objectStore('directory').put({ roleId, name: `${roleId} (test)`, phone: '01632 960000', extension: '', hours: '24 hours', fallbackRoleId: '', updatedAt: Date.now() });
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, [...roleIds]);
}

/** Every role the SOPs call, but the national 999 ones. */
export function localRoleIds(docs: readonly SopDocument[]): string[] {
  const ids = new Set(docs.flatMap((doc) => doc.roles.map((role) => role.id)));
  ids.delete('ambulance-999');
  ids.delete('resuscitation');
  return [...ids];
}

/** Opens the SOP from the list by its finding-first title. */
export async function openFromList(page: Page, doc: SopDocument): Promise<void> {
  const title = doc.shortTitle ?? doc.title;
  await page.getByRole('button', { name: new RegExp(`^${escape(title)}`) }).click();
}

/** Abandons the episode on show as started in error, and waits for the Escalate list. */
export async function abandonStartedInError(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Abandon…' }).click();
  await page.getByRole('radio', { name: 'Started in error' }).check();
  await page.getByRole('button', { name: 'Abandon escalation' }).click();
  await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Escalate/);
}

/** Event types and step ids of the newest episode, straight from IndexedDB. */
export async function loggedEvents(page: Page): Promise<Array<{ seq: number; type: string; stepId: string }>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('cdc-episode-log');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const episodes = await all<{ id: string; startedAt: number }>('episodes');
    const newest = episodes.sort((a, b) => b.startedAt - a.startedAt)[0];
    const events = await all<{ episodeId: string; seq: number; type: string; stepId: string }>('events');
    db.close();
    return events.filter((e) => e.episodeId === newest?.id).sort((a, b) => a.seq - b.seq).map(({ seq, type, stepId }) => ({ seq, type, stepId }));
  });
}
