// What the build derives from the shipped SOPs (src/sops/derived/) must say
// exactly what the documents say: the first screen's list, and the content
// hashes every episode records as the SOP it ran.
import { describe, expect, it } from 'vitest';
import catalogue from '../../src/sops/derived/catalogue.json';
import builtInHashes from '../../src/sops/derived/hashes.json';
import { hashSop, mostUrgentOutcome } from '../../src/engine';
import { builtInSops, collapseSop } from '../../src/sops';
import { listingOf, parseListings } from '../../src/features/runner/list/sopListing';

describe('the shipped SOP catalogue', () => {
  it('matches the SOP documents (run `npm run sop:catalogue` after editing an SOP)', () => {
    expect(catalogue).toEqual(builtInSops.map((doc) => listingOf(doc, mostUrgentOutcome(doc))));
  });

  it('records the content hash of every shipped document, collapse pathway included', async () => {
    const actual: Record<string, string> = {};
    for (const doc of [...builtInSops, collapseSop]) actual[doc.id] = await hashSop(doc);
    expect(builtInHashes).toEqual(actual);
  });

  it('is well formed as a listing', () => {
    expect(parseListings(catalogue)).toEqual(catalogue);
  });
});
