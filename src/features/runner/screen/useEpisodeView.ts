// The running episode's view for React, with one shortcut on a tap's path.
// When a saved tap moves the episode on to a step whose screen was made ready
// for exactly that tap (StepStage's revealer), and nothing else about the
// episode screen changed, that screen is revealed in the page at once and
// React draws the change just after the frame that shows it is painted: the
// tap's frame waits for no React work. Any other change is drawn at once, as
// before, and draws a change still waiting with it. The controller tells of a
// move only once its record is saved, so a step still shows only after that.
import { useCallback, useSyncExternalStore, type RefObject } from 'react';
import { afterNextPaint } from '../../../shared/platform';
import type { EpisodeController, EpisodeView } from '../episode/episodeController';
import type { StageRevealer } from './StepStage';

// What a tap changes with the step. The screen around the step may draw these a frame later.
const MOVES_WITH_THE_STEP = new Set<keyof EpisodeView>(['snapshot', 'move', 'saving', 'canUndo']);

/** Whether `next` differs from `drawn` only in the step (and what moves with it). */
export function onlyTheStepMoved(drawn: EpisodeView, next: EpisodeView): boolean {
  const fields = Object.keys(next) as (keyof EpisodeView)[];
  return next.snapshot !== drawn.snapshot && fields.length === Object.keys(drawn).length
    && fields.every((field) => MOVES_WITH_THE_STEP.has(field) || Object.is(drawn[field], next[field]));
}

export function useEpisodeView(controller: EpisodeController, stage: RefObject<StageRevealer | null>): EpisodeView {
  const subscribe = useCallback(
    (draw: () => void) => {
      let drawn = controller.getView();
      let waiting: (() => void) | null = null;
      const drawNow = () => {
        waiting?.();
        waiting = null;
        draw();
      };
      const unsubscribe = controller.subscribe(() => {
        const next = controller.getView();
        const before = drawn;
        drawn = next;
        if (waiting === null && onlyTheStepMoved(before, next) && stage.current?.reveal(before, next)) {
          // User Timing entry, so `npm run bench:runner` can tell the taps revealed this way.
          performance.mark('runner:revealed-in-page');
          waiting = afterNextPaint(() => {
            waiting = null;
            draw();
          });
        } else drawNow();
      });
      return () => {
        waiting?.();
        unsubscribe();
      };
    },
    [controller, stage],
  );
  return useSyncExternalStore(subscribe, controller.getView, controller.getView);
}
