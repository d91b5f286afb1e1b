// Foot switch and keyboard on the open CPR clock. A USB foot switch sends a
// key: Space or Enter (most pedals), or Page Down (page-turner pedals). Any of
// them starts the next cycle ("Rhythm checked / new cycle"). Page Down does so
// whatever has focus; Space and Enter leave a focused button or link to do its
// own job (a keyboard user on "Compressor swapped" presses that), so after a
// finger tap the clock gives focus back to its heading (see CprPanel).
// Held keys (auto-repeat), modified keys and typing in a field are ignored.
import { useEffect, useRef } from 'react';

export const CPR_KEYS = [' ', 'Enter', 'PageDown'] as const;
/** For aria-keyshortcuts. */
export const CPR_KEY_NAMES = 'Space Enter PageDown';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const isControl = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('button, a[href], summary') !== null;

export function useCprKeys(active: boolean, onPrimary: () => void): void {
  const latest = useRef(onPrimary);
  latest.current = onPrimary;
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (!(CPR_KEYS as readonly string[]).includes(event.key) || typingIn(event.target)) return;
      if (event.key !== 'PageDown' && isControl(event.target)) return;
      event.preventDefault();
      if (event.repeat) return;
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active]);
}
