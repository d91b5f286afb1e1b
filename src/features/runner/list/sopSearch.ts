// Finding-first search of the Escalate list: every word typed must appear in
// the SOP's short title, title, finding or keywords (case-insensitive).
import type { SopDocument } from '../../../engine';

export function listTitle(doc: SopDocument): string {
  return doc.shortTitle ?? doc.title;
}

function haystack(doc: SopDocument): string {
  return [doc.shortTitle ?? '', doc.title, doc.finding, ...(doc.keywords ?? [])].join(' ').toLowerCase();
}

export function matchesSearch(doc: SopDocument, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(doc);
  return words.every((word) => text.includes(word));
}
