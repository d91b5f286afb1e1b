// A stable text form of an SOP (keys sorted at every level) and its SHA-256,
// so the log can prove which exact signed-off document an episode ran.
import type { SopDocument } from './schema/document';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Validated documents are at most 32 levels deep, so recursion is safe here. */
export const canonicalSopJson = (doc: SopDocument): string => JSON.stringify(sortKeys(doc));

export async function hashSop(doc: SopDocument): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalSopJson(doc));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
