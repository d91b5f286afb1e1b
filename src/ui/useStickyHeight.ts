// A bar that sticks to the top of the screen tells the page how tall it is, in
// a CSS custom property on <html>: theme.css turns the sticky heights into the
// page's scroll-padding-top, so whatever takes focus scrolls clear of every
// sticky bar, never under one (WCAG 2.4.11), at any text size; and a bar that
// sticks below another reads the other's height for its own `top`.
import { useLayoutEffect, useRef } from 'react';

/** Keeps `property` on <html> at the bar's height while it is on the page; attach the ref to the bar. */
export function useStickyHeight<T extends HTMLElement>(property: string) {
  const bar = useRef<T>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const root = document.documentElement.style;
    const observer = new ResizeObserver(() => root.setProperty(property, `${Math.ceil(element.getBoundingClientRect().height)}px`));
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.removeProperty(property);
    };
  }, [property]);
  return bar;
}
