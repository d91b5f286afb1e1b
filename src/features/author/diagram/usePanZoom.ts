// Pan and zoom by changing the SVG viewBox: drag with one finger or the
// mouse, pinch with two, or use the +/−/fit buttons (touch and keyboard).
import { useCallback, useRef, useState, type PointerEvent } from 'react';

export interface View { x: number; y: number; w: number; h: number }

const MIN_SCALE = 0.1;

/** The whole diagram: what the author sees on opening it (then zoom in to read). */
function fittedView(width: number, height: number): View {
  return { x: 0, y: 0, w: Math.max(width, 1), h: Math.max(height, 1) };
}

export function usePanZoom(width: number, height: number) {
  const full: View = { x: 0, y: 0, w: Math.max(width, 1), h: Math.max(height, 1) };
  // The view belongs to one layout size; a new layout opens fitted to the view.
  const sizeKey = `${width}x${height}`;
  const [state, setState] = useState<{ sizeKey: string; view: View } | null>(null);
  const view = state && state.sizeKey === sizeKey ? state.view : fittedView(width, height);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const element = useRef<HTMLDivElement | null>(null);
  const latest = useRef(view);
  latest.current = view;

  // Several pointer moves can arrive between renders: each builds on the last.
  const setView = useCallback((change: (v: View) => View) => {
    const next = change(latest.current);
    latest.current = next;
    setState({ sizeKey, view: next });
  }, [sizeKey]);

  const zoom = useCallback((factor: number) => {
    setView((v) => {
      const w = Math.min(Math.max(v.w / factor, full.w * MIN_SCALE), full.w * 4);
      const h = (w / v.w) * v.h;
      return { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
    });
  }, [full.w, setView]);

  const fit = useCallback(() => setView(() => ({ x: 0, y: 0, w: Math.max(width, 1), h: Math.max(height, 1) })), [width, height, setView]);

  /** Diagram units per screen pixel (the SVG keeps its aspect ratio). */
  const unitsPerPixel = (v: View): number => {
    const box = element.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 1;
    return Math.max(v.w / box.width, v.h / Math.max(box.height, 1));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('[role="button"]')) return;
    pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    event.currentTarget.setPointerCapture?.(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const previous = pointers.current.get(event.pointerId);
    if (!previous) return;
    const others = [...pointers.current.entries()].filter(([id]) => id !== event.pointerId);
    const now = { x: event.clientX, y: event.clientY };
    if (others.length === 1) {
      const other = others[0]![1];
      const before = Math.hypot(previous.x - other.x, previous.y - other.y);
      const after = Math.hypot(now.x - other.x, now.y - other.y);
      if (before > 0 && after > 0) zoom(after / before);
    } else {
      setView((v) => {
        const k = unitsPerPixel(v);
        return { ...v, x: v.x - (now.x - previous.x) * k, y: v.y - (now.y - previous.y) * k };
      });
    }
    pointers.current.set(event.pointerId, now);
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    pointers.current.delete(event.pointerId);
  };

  return {
    view,
    viewBox: `${view.x} ${view.y} ${view.w} ${view.h}`,
    zoomIn: () => zoom(1.25),
    zoomOut: () => zoom(0.8),
    fit,
    handlers: { ref: element, onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
  };
}
