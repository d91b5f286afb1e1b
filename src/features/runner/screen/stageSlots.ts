// How a slot of the step stage (StepStage) stands in the page: on show, made
// ready out of sight, or just left. One place for both ways a slot changes: a
// React draw, and a saved tap revealing a ready screen in the page itself
// (revealInPage) just before React draws the same change. The two must agree
// exactly, or React's next draw would leave the page as it did not expect.

export type SlotState = 'shown' | 'ready' | 'left';

const BASE = 'runner-stage__slot';
const CLASS_OF: Record<SlotState, string> = {
  shown: BASE,
  ready: `${BASE} ${BASE}--ready`,
  left: `${BASE} ${BASE}--left`,
};

/** What React draws on a slot's element in `state`. */
export const slotAttributes = (state: SlotState) => ({
  className: CLASS_OF[state],
  inert: state !== 'shown',
  'aria-hidden': state === 'shown' ? undefined : true,
});

const stateOf = (slot: Element): SlotState | null =>
  (Object.keys(CLASS_OF) as SlotState[]).find((state) => slot.className === CLASS_OF[state]) ?? null;

// Attributes, as React sets them (not the `inert` property, which not every DOM reflects).
function setState(slot: HTMLElement, state: SlotState): void {
  const { className, inert, 'aria-hidden': hidden } = slotAttributes(state);
  slot.className = className;
  slot.toggleAttribute('inert', inert);
  if (hidden) slot.setAttribute('aria-hidden', 'true');
  else slot.removeAttribute('aria-hidden');
}

/**
 * In the page: shows the slot of step `key` made ready, and puts the one on
 * show out of sight as the step left, as StepStage's next draw will. False,
 * with nothing changed, unless the stage holds one slot on show and a ready
 * one for `key`.
 */
export function revealInPage(stage: HTMLElement | null, key: string): boolean {
  const slots = [...(stage?.children ?? [])].filter((slot): slot is HTMLElement => slot instanceof HTMLElement);
  const ready = slots.find((slot) => slot.dataset.stepKey === key && stateOf(slot) === 'ready');
  const shown = slots.filter((slot) => stateOf(slot) === 'shown');
  if (!ready || shown.length !== 1) return false;
  setState(shown[0]!, 'left');
  setState(ready, 'shown');
  return true;
}
