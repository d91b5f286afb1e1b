// Keyboard and foot-switch operation: number keys 1-9 choose the numbered
// options of the screen and Enter confirms the primary action. Keys typed in
// a text field, or with a modifier, are left alone.
import { useEffect, useRef } from 'react';
import { useStepShown } from './stepShown';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !!target.closest('[data-keys-off]');
}

export function useKeyChoice(handlers: { choose?: (index: number) => void; confirm?: () => void }): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  const shown = useStepShown();
  useEffect(() => {
    if (!shown) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (document.querySelector('[data-keys-off]')) return;
      const { choose, confirm } = latest.current;
      if (choose && /^[1-9]$/.test(event.key)) {
        event.preventDefault();
        choose(Number(event.key) - 1);
      } else if (confirm && event.key === 'Enter' && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) {
        event.preventDefault();
        confirm();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown]);
}
