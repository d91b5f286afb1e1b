// When the CPR clock may be started, and from what time "since collapse" counts.
// The call for help is the first action: the clock is offered only in the
// collapse pathway and only once the emergency call (the arrest team or 999)
// has been made from it, whatever its result — never on the screens before
// the call. Taps already logged keep their clock even if the steps are undone.
import { escalationFacts, type CallFact } from '../../../engine';
import type { EpisodeView } from '../episode/episodeView';

type OfferView = Pick<EpisodeView, 'inCollapse' | 'ended' | 'snapshot' | 'doc' | 'collapse' | 'startedAt'>;

/** The collapse as the app knows it: the tap on "Patient collapsed" (or the start of the collapse SOP run on its own). */
export function collapseTime(view: OfferView): number | null {
  return view.snapshot.context.collapsedAt ?? (view.inCollapse ? view.startedAt : null);
}

/** The arrest team or 999: the call the collapse pathway makes first. */
const isEmergencyCall = (call: CallFact) => call.roleType === 'resuscitation' || (call.roleType === 'ambulance' && call.role.includes('999'));

export function cprOffered(view: OfferView): boolean {
  if (!view.inCollapse || view.ended !== null) return false;
  const collapsedAt = collapseTime(view);
  if (collapsedAt === null) return false;
  // Calls made before the collapse (in the interrupted SOP) do not count: the arrest call comes first.
  return escalationFacts(view.snapshot.context, view.doc, view.collapse).calls.some((call) => call.at >= collapsedAt && isEmergencyCall(call));
}
