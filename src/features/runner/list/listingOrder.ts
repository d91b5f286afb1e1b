// The Escalate list's order. Every shipped SOP can end in an emergency, so the
// most urgent outcome alone says nothing; the order is how soon each finding
// can harm the patient if nobody acts (src/sops/order/escalate-list.json, a template a
// network reviews like its SOPs): the time-critical findings first, in that
// file's order. An SOP it does not name (a local one) comes after them, by its
// most urgent reachable outcome, then alphabetically by the words shown.
import listOrder from '../../../sops/order/escalate-list.json';
import { URGENCIES } from '../../../engine/urgencyLevels';
import type { SopListing } from './sopListing';

export interface ListTier {
  id: string;
  /** Said on each card of the tier (its description), e.g. "Can threaten life within minutes". */
  label: string;
}

const place = new Map<string, { index: number; tier: ListTier }>();
listOrder.tiers.forEach(({ id, label, sops }) => {
  for (const sopId of sops) place.set(sopId, { index: place.size, tier: { id, label } });
});

/** The tier the list order puts this SOP in, or null for one it does not name. */
export function tierOf(sopId: string): ListTier | null {
  return place.get(sopId)?.tier ?? null;
}

const unnamed = place.size;
const urgencyRank = (listing: SopListing) => (listing.urgency === null ? URGENCIES.length : URGENCIES.indexOf(listing.urgency));
const byTitle = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function timeCriticalFirst(listings: readonly SopListing[]): SopListing[] {
  const rank = (listing: SopListing) => place.get(listing.sopId)?.index ?? unnamed;
  return [...listings].sort((a, b) => rank(a) - rank(b) || urgencyRank(a) - urgencyRank(b) || byTitle.compare(a.title, b.title));
}
