// Loads the layout library only when a diagram is shown, so the point-of-care
// screens never download it. A failed load (e.g. an update removed the old
// chunk while offline) becomes a clear message, not a blank diagram.
import type { Dagre } from './layoutDiagram';

let loading: Promise<Dagre> | null = null;

export const DAGRE_LOAD_FAILED =
  'The diagram could not be drawn because part of the app did not load. Reload the app (when online, if it was just updated); the steps are listed below the diagram in the meantime.';

export function loadDagre(): Promise<Dagre> {
  loading ??= import('@dagrejs/dagre').then(
    (module) => (module.default ?? module) as unknown as Dagre,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
