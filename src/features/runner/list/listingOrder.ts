// The Escalate list's order: the SOPs whose most urgent outcome is the most
// urgent come first (emergency, same day, urgent, routine, then any that
// reach none), and alphabetically by the words shown within a tier.
import { URGENCIES } from '../../../engine/urgencyLevels';
import type { SopListing } from './sopListing';

const rank = (listing: SopListing) => (listing.urgency === null ? URGENCIES.length : URGENCIES.indexOf(listing.urgency));
const byTitle = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function mostUrgentFirst(listings: readonly SopListing[]): SopListing[] {
  return [...listings].sort((a, b) => rank(a) - rank(b) || byTitle.compare(a.title, b.title));
}
