// Listings are what the first screen draws before the documents load; one read
// back from storage is untrusted and accepted only whole and well formed.
import { describe, expect, it } from 'vitest';
import { listingOf, matchesSearch, parseListings } from '../../../src/features/runner/list/sopListing';

const fastAf = listingOf({
  id: 'fast-af', title: 'Atrial arrhythmia with a rapid ventricular rate', shortTitle: 'Fast AF',
  finding: 'AF with a ventricular rate over 110', keywords: ['palpitations'], modalities: ['echo', 'ct'], status: 'template',
}, 'emergency');

describe('SOP listings', () => {
  it('lead with the finding-first short title and search every word across titles, finding and keywords', () => {
    expect(fastAf.title).toBe('Fast AF');
    expect(matchesSearch(fastAf, 'fast')).toBe(true);
    expect(matchesSearch(fastAf, 'rapid VENTRICULAR')).toBe(true);
    expect(matchesSearch(fastAf, 'palpitations 110')).toBe(true);
    expect(matchesSearch(fastAf, 'fast dissection')).toBe(false);
    expect(matchesSearch(fastAf, '   ')).toBe(true);
  });

  it('are read back from storage only when every field is well formed', () => {
    expect(parseListings([fastAf])).toEqual([fastAf]);
    expect(parseListings('not a list')).toBeNull();
    expect(parseListings([{ ...fastAf, modalities: ['echo', 'x-ray'] }])).toBeNull();
    expect(parseListings([{ ...fastAf, title: 42 }])).toBeNull();
    expect(parseListings([{ ...fastAf, keywords: 'AF' }])).toBeNull();
    expect(parseListings([fastAf, null])).toBeNull();
    expect(parseListings([{ ...fastAf, finding: 'x'.repeat(5000) }])).toBeNull();
    expect(parseListings([{ ...fastAf, urgency: 'soon' }])).toBeNull();
    // Stored before the list was ordered by urgency: the catalogue is drawn instead.
    const { urgency: _unknown, ...withoutUrgency } = fastAf;
    expect(parseListings([withoutUrgency])).toBeNull();
    expect(parseListings([{ ...fastAf, urgency: null }])).toEqual([{ ...fastAf, urgency: null }]);
  });

  it('keep script in titles as plain data', () => {
    const hostile = { ...fastAf, title: '<img src=x onerror=alert(1)>' };
    expect(parseListings([hostile])?.[0]?.title).toBe('<img src=x onerror=alert(1)>');
  });
});
