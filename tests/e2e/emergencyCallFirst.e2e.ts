// The emergency call comes before any checklist, in the real browser: for
// every shipped SOP, the worker taps down to the first answer that makes the
// episode an emergency (beyond "responsive and breathing normally?", where the
// SOP has one) and the very next screen is the call, not a list of things to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { enumeratePaths, type Modality, type SopDocument, type SopPath } from '../../src/engine';
import { MODALITY_LABEL } from '../../src/engine/modalities';
import { builtInSops } from '../../src/sops';
import { floorFrom, stepOf } from '../sops/sopFacts';
import { launchBrowser, openContext, visitAndInstall, type RecordedContext } from './support/browser';
import { abandonStartedInError, expectHeading, leaveStep, openFromList } from './support/runnerPaths';

/** The path and the index of its first emergency answer, preferring one after the opening question, never through a wait that runs out. */
function toFirstEmergencyAnswer(doc: SopDocument, modality: Modality): { path: SopPath; at: number } {
  const isEmergencyAnswer = (path: SopPath, i: number) => {
    const s = path.steps[i]!;
    const step = stepOf(doc, s.stepId);
    if (step.kind !== 'question') return false;
    const next = step.options.find((o) => o.id === s.via)!.next;
    return floorFrom(doc, step.id) !== 'emergency' && floorFrom(doc, next) === 'emergency';
  };
  const found = enumeratePaths(doc, { modality }).flatMap((path) => {
    const at = path.steps.findIndex((_, i) => i > 0 && isEmergencyAnswer(path, i));
    if (at < 0 || path.steps.slice(0, at).some((s) => s.via === 'onExpire')) return [];
    return [{ path, at }];
  });
  found.sort((a, b) => a.at - b.at);
  if (!found[0]) throw new Error(`${doc.id}: no emergency answer after the first question`);
  return found[0];
}

const modalityOf = (doc: SopDocument): Modality => (doc.modalities.includes('echo') ? 'echo' : doc.modalities[0]!);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the first screen after an emergency answer is the call', () => {
  for (const modality of ['echo', 'ct', 'mri'] as const) {
    const docs = builtInSops.filter((d) => modalityOf(d) === modality);
    if (docs.length === 0) continue;
    describe(MODALITY_LABEL[modality], () => {
      let session: RecordedContext;
      beforeAll(async () => {
        session = await openContext(browser, { viewport: { width: 768, height: 1024 } });
        await visitAndInstall(session.page, '/escalate');
        await session.page.getByRole('button', { name: MODALITY_LABEL[modality] }).click();
      });
      afterAll(async () => {
        await session?.context.close();
      });

      for (const doc of docs) {
        it(`${doc.shortTitle ?? doc.title}`, async () => {
          const { page } = session;
          const { path, at } = toFirstEmergencyAnswer(doc, modality);
          await openFromList(page, doc);
          for (const s of path.steps.slice(0, at + 1)) {
            const step = stepOf(doc, s.stepId);
            if (step.kind === 'modality') continue;
            await expectHeading(page, step.title);
            await leaveStep(page, step, s.via);
          }
          const next = stepOf(doc, path.steps[at + 1]!.stepId);
          expect(next.kind, `${doc.id}: after ${path.steps[at]!.stepId}`).toBe('contact');
          await expectHeading(page, next.title);
          if (next.kind === 'contact') {
            // The screen is the call: its outcomes are the buttons, the checklist's Continue is not.
            await expect.poll(() => page.getByRole('button', { name: new RegExp(`^${next.outcomes[0]!.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).count()).toBeGreaterThan(0);
            expect(await page.getByRole('button', { name: 'Continue', exact: true }).filter({ visible: true }).count()).toBe(0);
          }
          await abandonStartedInError(page);
        }, 90_000);
      }
    });
  }
});
