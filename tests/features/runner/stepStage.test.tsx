// The steps one tap can lead to are made ready out of sight while the user
// reads, then revealed (not rebuilt) when the tap's record is saved. Out of
// sight means out of reach: no role, no focus, no keys, no ticking.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import { eventually, holdFrames, onShow, openSop, settle, stopRunnerClock, useRunnerClock } from './runnerDriver';
import { setEpisodeActive } from '../../../src/shared/activity';

beforeEach(() => useRunnerClock());
afterEach(() => {
  stopRunnerClock();
  setEpisodeActive(false);
});

/** The user reads the step: the runner has an idle moment to get the next screens ready. */
async function readTheStep() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(1000);
  });
  await settle();
}

/** Screens made ready out of sight: inert and hidden from assistive technology. */
const readySlots = () => [...document.querySelectorAll<HTMLElement>('[inert][aria-hidden="true"]')];
const readyTitles = () => readySlots().map((slot) => slot.querySelector('h1')?.textContent);

/** React keeps each element's current props on the node: a new object there means React drew the element again. */
function reactProps(element: Element): unknown {
  const key = Object.keys(element).find((name) => name.startsWith('__reactProps$'));
  if (!key) throw new Error('not an element React drew');
  return (element as unknown as Record<string, unknown>)[key];
}

describe('screens made ready for the next tap', () => {
  it('prepares one screen per step a tap can lead to, hidden from touch, keys and assistive technology', async () => {
    const run = await openSop('Fast AF');
    await readTheStep();
    // "Yes" and "Not sure" both lead to the safety checklist, "No" to the outcome: two screens, once each.
    await eventually(() => expect(readyTitles()).toHaveLength(2));
    expect(readyTitles().sort()).toEqual(['Keep the patient safe while you call', 'Urgent review'].sort());
    for (const slot of readySlots()) {
      expect(slot).toHaveAttribute('inert');
      expect(slot).toHaveAttribute('aria-hidden', 'true');
    }
    const headings = screen.getAllByRole('heading', { level: 1 });
    expect(headings.map((heading) => heading.textContent)).toEqual(['Any adverse features?']);
    // Getting a screen ready never takes focus from the step on show.
    await eventually(() => expect(document.activeElement).toBe(headings[0]));
    await settle();
    expect(document.activeElement).toBe(headings[0]);
    expect(onShow('h1')).toHaveLength(1);
    run.expectStep('Any adverse features?');
  });

  it('reveals the prepared screen itself on the tap, moves focus to its heading, and logs one answer', async () => {
    const run = await openSop('Fast AF');
    await readTheStep();
    // On a busy machine the idle moment may come a little later: wait for the screen to be made ready.
    const prepared = await eventually(() => {
      const slot = readySlots().find((candidate) => candidate.textContent?.includes('Keep the patient safe while you call'));
      if (!slot) throw new Error('the next screen is not ready yet');
      return slot;
    });
    expect(prepared).toBeDefined();
    await run.choose('Yes');
    run.expectStep('Keep the patient safe while you call');
    // The same element, now on show: revealed rather than built again.
    expect(prepared?.isConnected).toBe(true);
    expect(prepared).not.toHaveAttribute('inert');
    expect(prepared).not.toHaveAttribute('aria-hidden');
    await eventually(() => expect(document.activeElement).toBe(prepared?.querySelector('h1')));
    expect((await run.logTypes()).filter((type) => type === 'answered')).toHaveLength(1);
  });

  it('puts the step just left out of sight untouched, out of reach, and takes it down only once the tablet is idle', async () => {
    const run = await openSop('Fast AF');
    await readTheStep();
    const leaving = screen.getByRole('heading', { level: 1, name: 'Any adverse features?' }).closest<HTMLElement>('.runner-stage__slot')!;
    // Nothing inside the screen just left may change: putting it out of sight must not draw it again.
    const inside: MutationRecord[] = [];
    const observer = new MutationObserver((records) => inside.push(...records.filter((record) => record.target !== leaving)));
    observer.observe(leaving, { subtree: true, childList: true, attributes: true, characterData: true });
    await run.choose('Yes');
    run.expectStep('Keep the patient safe while you call');
    observer.disconnect();
    expect(leaving.isConnected).toBe(true);
    expect(leaving).toHaveClass('runner-stage__slot--left');
    expect(leaving).toHaveAttribute('inert');
    expect(leaving).toHaveAttribute('aria-hidden', 'true');
    expect(inside).toEqual([]);
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Keep the patient safe while you call']);
    await readTheStep();
    await eventually(() => expect(leaving.isConnected).toBe(false));
    // Gone, and nothing else with it: the step on show and the log are as they were.
    run.expectStep('Keep the patient safe while you call');
    expect((await run.logTypes()).filter((type) => type === 'answered')).toHaveLength(1);
  });

  it('leaves a checklist\'s checkboxes untouched when its screen is revealed and when it is left', async () => {
    // React 19 writes an input's name and type again each time it is drawn:
    // a checklist drawn again on the tap would put a dozen attribute changes,
    // and their restyle, on the tap's path.
    const run = await openSop('Fast AF');
    await readTheStep();
    const checklist = await eventually(() => {
      const slot = readySlots().find((candidate) => candidate.textContent?.includes('Keep the patient safe while you call'));
      if (!slot?.querySelector('input[type="checkbox"]')) throw new Error('the checklist is not ready yet');
      return slot;
    });
    const touched: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) if (record.target instanceof HTMLInputElement) touched.push(`${record.target.id} ${record.attributeName}`);
    });
    observer.observe(checklist, { subtree: true, attributes: true });
    await run.choose('Yes');
    run.expectStep('Keep the patient safe while you call');
    await readTheStep();
    expect(touched).toEqual([]);
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
    observer.disconnect();
    expect(checklist).toHaveClass('runner-stage__slot--left');
    expect(touched).toEqual([]);
  });

  it('reveals a prepared contact screen without drawing its result buttons, number or SBAR again', async () => {
    // Revealing a screen draws it with the episode as it now stands (the tap's
    // time, not the predicted one). Parts that read the same must be left as
    // they were: drawing each button again is React's work on the tap's path.
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    await readTheStep();
    const prepared = await eventually(() => {
      const slot = readySlots().find((candidate) => candidate.querySelector('h1')?.textContent === 'Call the on-call cardiology registrar');
      if (!slot?.querySelector('.runner-choice') || !slot.querySelector('.runner-sbar') || slot.textContent?.includes('Looking up')) throw new Error('the contact screen is not ready yet');
      return slot;
    });
    const parts = [...prepared.querySelectorAll('.runner-choice, .runner-contact, .runner-sbar button, .runner-sbar dd')];
    expect(parts.length).toBeGreaterThanOrEqual(8);
    const drawn = parts.map(reactProps);
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
    expect(prepared).not.toHaveAttribute('inert');
    const drawnAgain = parts.filter((part, index) => reactProps(part) !== drawn[index]).map((part) => part.className || part.textContent);
    expect(drawnAgain).toEqual([]);
    // And they still act on the step on show: the first result is logged against it.
    await run.choose('Reached: accepted');
    expect((await run.logTypes()).filter((type) => type === 'contact-attempt')).toHaveLength(1);
  });

  it('number keys answer only the step on show, even with the next screens ready', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
    await readTheStep();
    expect(readySlots().length).toBeGreaterThan(0);
    await run.press('1');
    const types = await run.logTypes();
    expect(types.filter((type) => type === 'contact-attempt')).toHaveLength(1);
    expect(types.filter((type) => type === 'answered')).toHaveLength(1);
  });
});

/** A slot's standing in the page: what React and a reveal in the page both set. */
const standing = (slot: Element) => ({ className: slot.className, inert: slot.hasAttribute('inert'), hidden: slot.getAttribute('aria-hidden') });
const readySlotFor = (title: string) => eventually(() => {
  const slot = readySlots().find((candidate) => candidate.querySelector('h1')?.textContent === title);
  if (!slot) throw new Error(`"${title}" is not ready yet`);
  return slot;
});
/** Whether React has drawn the slot on show: the props it last drew it with say so. */
const drawnByReactAsShown = (slot: Element) => (reactProps(slot) as { inert?: boolean }).inert === false;

describe('a saved tap revealing the screen made ready for it', () => {
  it('shows it in the page as soon as the record is saved, and React draws the same page just after that frame', async () => {
    const run = await openSop('Fast AF');
    await readTheStep();
    const prepared = await readySlotFor('Keep the patient safe while you call');
    const leaving = screen.getByRole('heading', { level: 1, name: 'Any adverse features?' }).closest('.runner-stage__slot')!;
    const frames = holdFrames();
    await run.choose('Yes');
    // On show, and the step left out of sight and out of reach, with no React draw yet.
    run.expectStep('Keep the patient safe while you call');
    expect(onShow('h1').map((heading) => heading.textContent)).toEqual(['Keep the patient safe while you call']);
    expect(leaving).toHaveAttribute('inert');
    expect(leaving).toHaveAttribute('aria-hidden', 'true');
    expect(drawnByReactAsShown(prepared)).toBe(false);
    expect((await run.logTypes()).filter((type) => type === 'answered')).toHaveLength(1);
    const revealed = [...document.querySelectorAll('.runner-stage__slot')].map((slot) => [slot, standing(slot)] as const);
    await frames.paint();
    // React's draw agrees with the page, slot for slot.
    expect(drawnByReactAsShown(prepared)).toBe(true);
    for (const [slot, before] of revealed) expect(standing(slot)).toEqual(before);
    expect(prepared).toHaveClass('runner-stage__slot', { exact: true });
    expect(leaving).toHaveClass('runner-stage__slot--left');
    // Then the step acts as any step on show.
    await frames.paint();
    await eventually(() => expect(document.activeElement).toBe(prepared.querySelector('h1')));
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
  });

  it('leaves it to React, at once, when the tap is another way to the same step than the one it was made ready for', async () => {
    // "Not sure" leads to the checklist too, which was made ready for "Yes": its record (and handover) differ.
    const run = await openSop('Fast AF');
    await readTheStep();
    const prepared = await readySlotFor('Keep the patient safe while you call');
    holdFrames();
    await run.choose('Not sure');
    run.expectStep('Keep the patient safe while you call');
    expect(drawnByReactAsShown(prepared)).toBe(true);
  });

  it('leaves it to React, at once, when the episode moved after the screen was made ready (a tick just before Continue)', async () => {
    const run = await openSop('Fast AF');
    await run.choose('Yes');
    await readTheStep();
    const prepared = await readySlotFor('Call the on-call cardiology registrar');
    // No idle moment between the tick and the tap: the screen ahead was made ready before the tick.
    await run.tick('Stay with the patient');
    holdFrames();
    await run.continue();
    run.expectStep('Call the on-call cardiology registrar');
    expect(drawnByReactAsShown(prepared)).toBe(true);
  });

  it('reveals the outcome without its times, which are drawn from the saved episode just after', async () => {
    const run = await openSop('Fast AF');
    await readTheStep();
    const prepared = await readySlotFor('Urgent review');
    // Made ready, it tells no time: the tap that leads here has not been made.
    expect(prepared.querySelector('.runner-timeline')).toBeNull();
    const frames = holdFrames();
    await run.choose('No');
    run.expectStep('Urgent review');
    expect(drawnByReactAsShown(prepared)).toBe(false);
    expect(prepared.querySelector('.runner-timeline')).toBeNull();
    expect(prepared).toHaveTextContent('Urgent review by the referrer.');
    await frames.paint();
    expect(drawnByReactAsShown(prepared)).toBe(true);
    const answered = new Date(Date.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(prepared.querySelector('.runner-timeline')).toHaveTextContent(`${pad(answered.getHours())}:${pad(answered.getMinutes())}`);
  });

  it('leaves it to React, at once, for a wait, which counts down from the tap', async () => {
    const run = await openSop('Fast AF', { configured: ['cardiology-registrar'] });
    await run.choose('Yes');
    await run.continue();
    await readTheStep();
    const prepared = await readySlotFor('Wait for a call back');
    holdFrames();
    await run.noAnswer();
    run.expectStep('Wait for a call back');
    expect(drawnByReactAsShown(prepared)).toBe(true);
  });
});
