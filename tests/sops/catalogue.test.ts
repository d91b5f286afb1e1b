// The first screen lists the shipped SOPs from src/sops/derived/catalogue.json; it must
// say exactly what the documents say, or the list would disagree with the steps.
import { describe, expect, it } from 'vitest';
import catalogue from '../../src/sops/derived/catalogue.json';
import { builtInSops } from '../../src/sops';
import { listingOf, parseListings } from '../../src/features/runner/list/sopListing';

describe('the shipped SOP catalogue', () => {
  it('matches the SOP documents (run `npm run sop:catalogue` after editing an SOP)', () => {
    expect(catalogue).toEqual(builtInSops.map(listingOf));
  });

  it('is well formed as a listing', () => {
    expect(parseListings(catalogue)).toEqual(catalogue);
  });
});
