// What the Escalate list shows of an SOP, and its finding-first search. A
// listing is small enough to draw the first screen before the SOP documents
// and the engine have loaded (see escalationRuntime.ts).
import type { Modality } from '../../../shared/session';
import { URGENCIES, type Urgency } from '../../../engine/urgencyLevels';
import { textMatches } from './findingSearch';

export interface SopListing {
  sopId: string;
  /** Finding-first words (the SOP's short title, else its title). */
  title: string;
  fullTitle: string;
  finding: string;
  keywords: string[];
  modalities: Modality[];
  status: string;
  /** The most urgent outcome the SOP can reach (the list shows those first); null if it reaches none. */
  urgency: Urgency | null;
}

interface ListableDoc {
  id: string;
  title: string;
  shortTitle?: string;
  finding: string;
  keywords?: readonly string[];
  modalities: readonly Modality[];
  status: string;
}

/** `urgency`: the document's most urgent reachable outcome (the engine's mostUrgentOutcome, worked out where the engine is loaded). */
export function listingOf(doc: ListableDoc, urgency: Urgency | null): SopListing {
  return {
    sopId: doc.id, title: doc.shortTitle ?? doc.title, fullTitle: doc.title, finding: doc.finding,
    keywords: [...(doc.keywords ?? [])], modalities: [...doc.modalities], status: doc.status, urgency,
  };
}

/**
 * Every word typed (or its synonym family, see findingSearch.ts) must appear in
 * the short title, title, finding or keywords (case-insensitive).
 */
export function matchesSearch(listing: SopListing, query: string): boolean {
  const text = [listing.title, listing.fullTitle, listing.finding, ...listing.keywords].join(' \n ').toLowerCase();
  return textMatches(text, query);
}

const text = (value: unknown, limit: number): value is string => typeof value === 'string' && value.length <= limit;
const MODALITY_SET = new Set<unknown>(['echo', 'ct', 'mri']);
const URGENCY_SET = new Set<unknown>([...URGENCIES, null]);

/** A listing read back from storage or a data file: accepted only if every field is well formed. */
export function parseListings(value: unknown): SopListing[] | null {
  if (!Array.isArray(value) || value.length > 200) return null;
  const listings: SopListing[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') return null;
    const row = item as Record<string, unknown>;
    const { sopId, title, fullTitle, finding, keywords, modalities, status, urgency } = row;
    if (!text(sopId, 80) || !text(title, 200) || !text(fullTitle, 200) || !text(finding, 2000) || !text(status, 20)) return null;
    if (!Array.isArray(keywords) || !keywords.every((word) => text(word, 200))) return null;
    if (!Array.isArray(modalities) || !modalities.every((m) => MODALITY_SET.has(m))) return null;
    // A listing stored before the list was ordered by urgency has none: the catalogue is drawn instead.
    if (!URGENCY_SET.has(urgency)) return null;
    listings.push({
      sopId, title, fullTitle, finding, keywords: [...keywords], modalities: [...modalities] as Modality[], status, urgency: urgency as Urgency | null,
    });
  }
  return listings;
}
