// The document a shown step belongs to: the SOP, or the embedded collapse
// pathway once COLLAPSE has been entered.
import type { CurrentStep, SopDocument } from '../../../engine';
import type { EpisodeView } from '../episode/episodeController';

export function docOfStep(view: Pick<EpisodeView, 'doc' | 'collapse'>, current: CurrentStep): SopDocument {
  return current.inCollapse && view.collapse ? view.collapse : view.doc;
}
