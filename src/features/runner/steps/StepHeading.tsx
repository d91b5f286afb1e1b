// The step's title as the page heading. Focus moves to it on every new step,
// so a screen reader announces the step and Tab starts from the top (only
// once the step is on show: a screen made ready out of sight waits), and the
// decision under it starts on screen.
import { memo, useEffect, useRef } from 'react';
import { afterNextPaint } from '../../../shared/platform';
import { useStepShown } from './stepShown';
import './StepHeading.css';

// Focus moves just after the next frame is painted (afterNextPaint). Moving
// focus forces the browser to lay the page out there and then; after the paint
// the layout is already done, so the new step shows sooner (bench:runner: about
// 2 ms off the median tap and 3-4 ms off the p95 at 4x throttling) and focus
// follows a moment later.

/** Less of the decision's first control than this on screen, and it counts as below the fold. */
const TARGET_PX = 48;

/**
 * Focus only scrolls a heading that is out of view. With large text on a
 * phone the heading can be in view low on the screen (where the list was
 * scrolled to) with the decision under the fold: then the heading goes up to
 * just under the sticky collapse bar (the page's scroll-padding-top), so the
 * decision starts on screen. The layout is fresh after the focus move, so the
 * check costs one read of it.
 */
function focusWithDecisionInView(heading: HTMLHeadingElement): void {
  heading.focus();
  const firstControl = heading.closest('.runner-step')?.querySelector('button, input');
  if (firstControl && firstControl.getBoundingClientRect().top > window.innerHeight - TARGET_PX) heading.scrollIntoView?.({ block: 'start' });
}

/**
 * `decision` false for a step that asks nothing (the outcome): it opens at its top, where its
 * heading and disposition are, and is never scrolled to whatever control comes first under them.
 */
export const StepHeading = memo(function StepHeading({ stepKey, title, text, decision = true }: { stepKey: string; title: string; text?: string; decision?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useStepShown();
  useEffect(() => (shown ? afterNextPaint(() => {
    if (!heading.current) return;
    if (decision) focusWithDecisionInView(heading.current);
    else heading.current.focus();
  }) : undefined), [stepKey, shown, decision]);
  return (
    <div className="runner-step__head">
      <h1 className="runner-step__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {text ? <p className="runner-step__text">{text}</p> : null}
    </div>
  );
});
