// Whether an approved SOP's local-adaptation notes were updated at sign-off:
// the templates ship a checklist there ("Template: it must be adapted..."),
// and a print that still carries it would tell a governance reader the
// adaptation was never done.
import type { SopDocument } from '../../../engine';

export type AdaptationState =
  | { state: 'updated'; text: string }
  | { state: 'template-text'; text: string }
  | { state: 'missing' }
  | { state: 'not-approved'; text?: string };

export function adaptationState(doc: SopDocument, templates: readonly SopDocument[]): AdaptationState {
  const text = doc.localAdaptation?.trim();
  if (doc.status !== 'approved') return { state: 'not-approved', ...(text ? { text } : {}) };
  if (!text) return { state: 'missing' };
  const sameAsTemplate = templates.some((t) => t.localAdaptation?.trim() === text);
  if (sameAsTemplate || /^template\b/i.test(text)) return { state: 'template-text', text };
  return { state: 'updated', text };
}
