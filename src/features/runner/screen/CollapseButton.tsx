// The action that beats everything: on every runner screen, one tap from
// anywhere, straight to the local resuscitation steps. It sticks to the top of
// the screen, so it tells the page how tall it is: whatever takes focus
// scrolls clear of it, never under it (WCAG 2.4.11), at any text size. It
// sticks below whatever the app shell keeps stuck above the page (an alarm
// banner: --app-sticky-height), never under it.
import { memo } from 'react';
import { useStickyHeight } from '../../../ui/useStickyHeight';
import './CollapseButton.css';
export const COLLAPSE_LABEL = 'Patient collapsed / not breathing normally';

/** The custom property theme.css turns into the page's scroll-padding-top. */
const STICKY_HEIGHT = '--sticky-top';

// Memoised, with the episode screen's callbacks stable: a tap that moves to the next step does not draw it again.
export const CollapseButton = memo(function CollapseButton({ onCollapse, active }: { onCollapse(): void; active: boolean }) {
  const bar = useStickyHeight<HTMLDivElement>(STICKY_HEIGHT);
  return (
    <div className="runner-collapse" ref={bar}>
      <button type="button" className="runner-collapse__button" onClick={onCollapse}>
        {COLLAPSE_LABEL}
      </button>
      {active ? <p className="runner-collapse__note">Resuscitation steps are showing below.</p> : null}
    </div>
  );
});
