// The Escalate list's SOPs. The first screen draws at once from the listing
// this tablet last worked out (or the shipped catalogue on a first run); once
// the runtime has loaded and validated the library, its answer replaces it and
// is kept for next time. What a tap runs always comes from the validated library.
// The stored listing is read through a dynamic import of the database code, so
// that code is fetched at start but is not part of the first screen's bundle.
import { useCallback, useEffect, useRef, useState } from 'react';
import catalogue from '../../../sops/derived/catalogue.json';
import { afterFirstScreen } from '../../../shared/activity';
import { loadEscalationRuntime } from '../loadEscalationRuntime';
import { listingOf, parseListings, type SopListing } from './sopListing';
import type { RunnableSop, SopSource } from './sopSource';

const LISTING_KEY = 'escalate.listing';
const configRoom = () => import('../../../db/config');
export const LIBRARY_UNREADABLE = 'The SOP library could not be read on this device. Use your paper SOPs.';

export interface EscalateLibrary {
  /** Null until something is known (a stored listing, the catalogue or the library). */
  listings: SopListing[] | null;
  error: string | null;
  /** The validated SOP to run for a listing (waits for the library if needed). */
  find(sopId: string): Promise<RunnableSop | null>;
  /** The resuscitation pathway every episode embeds (waits for the library if needed). */
  findCollapse(): Promise<RunnableSop | null>;
}

async function firstListings(): Promise<SopListing[]> {
  const stored = parseListings(await configRoom().then((config) => config.getSetting(LISTING_KEY)).catch(() => undefined));
  return stored ?? (catalogue as SopListing[]);
}

/** `source` replaces the app's library (tests, the sandbox); no stored listing is used then. */
export function useEscalateLibrary(source: SopSource | undefined): EscalateLibrary {
  const [listings, setListings] = useState<SopListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runnable = useRef<Promise<RunnableSop[]> | null>(null);
  const collapsePathway = useRef<Promise<RunnableSop | null> | null>(null);

  const library = useCallback((): Promise<RunnableSop[]> => {
    runnable.current ??= loadEscalationRuntime().then((runtime) => (source ?? runtime.librarySopSource).list());
    return runnable.current;
  }, [source]);

  const findCollapse = useCallback((): Promise<RunnableSop | null> => {
    collapsePathway.current ??= loadEscalationRuntime().then((runtime) => (source ?? runtime.librarySopSource).collapse());
    // A failed read is tried again on the next call rather than remembered.
    collapsePathway.current.catch(() => {
      collapsePathway.current = null;
    });
    return collapsePathway.current;
  }, [source]);

  useEffect(() => {
    let live = true;
    let settled = false;
    // The app's list draws from the stored listing first; the library (and the
    // runtime it needs) loads once that is on screen. Injected sources have no
    // stored listing, so theirs loads at once.
    const drawnFirst = source
      ? Promise.resolve()
      : firstListings().then((found) => {
        if (live && !settled) setListings(found);
      }).then(afterFirstScreen);
    drawnFirst.then(() => Promise.all([library(), loadEscalationRuntime()])).then(
      ([sops, runtime]) => {
        settled = true;
        const found = sops.map((sop) => listingOf(sop.doc, runtime.mostUrgentOutcome(sop.doc)));
        if (live) setListings(found);
        if (!source) void configRoom().then((config) => config.putSetting(LISTING_KEY, found)).catch(() => undefined);
      },
      () => {
        runnable.current = null;
        if (live) setError(LIBRARY_UNREADABLE);
      },
    );
    // Read ahead, so the first tap does not wait for the resuscitation pathway.
    drawnFirst.then(findCollapse).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [source, library, findCollapse]);

  const find = useCallback(async (sopId: string) => (await library()).find((sop) => sop.doc.id === sopId) ?? null, [library]);
  return { listings, error, find, findCollapse };
}
