// The Escalate list: the SOPs for the modality in use, finding-first, with a
// search box. One tap starts the episode at its first step; no form.
import { useId, useMemo, useState } from 'react';
import { Button } from '../../../ui/Button';
import { MODALITIES, MODALITY_LABEL, type Modality } from '../../../shared/session';
import { matchesSearch, type SopListing } from './sopListing';
import './SopList.css';

export function ModalityChooser({ onChoose }: { onChoose(modality: Modality): void }) {
  return (
    <section className="panel runner-modality" aria-labelledby="modality-title">
      <h2 id="modality-title">Which scan is this?</h2>
      <p>Choose once; it is kept in Settings for this tablet.</p>
      <div className="runner-modality__choices">
        {MODALITIES.map((modality) => (
          <Button key={modality} size="primary" onClick={() => onChoose(modality)}>
            {MODALITY_LABEL[modality]}
          </Button>
        ))}
      </div>
    </section>
  );
}

export function SopList({ listings, onStart, busy }: { listings: SopListing[]; onStart(listing: SopListing): void; busy: boolean }) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const shown = useMemo(() => listings.filter((listing) => matchesSearch(listing, query)), [listings, query]);
  return (
    <section aria-labelledby="sop-list-title">
      <h2 id="sop-list-title" className="visually-hidden">Findings</h2>
      <div className="field runner-search">
        <label htmlFor={searchId}>Search findings</label>
        <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      </div>
      {shown.length === 0 ? <p role="status">No finding matches “{query}”.</p> : null}
      <ul className="runner-sops">
        {shown.map((listing) => (
          <li key={listing.sopId}>
            <button type="button" className="runner-sop" disabled={busy} onClick={() => onStart(listing)}>
              <span className="runner-sop__title">{listing.title}</span>
              <span className="runner-sop__finding">{listing.finding}</span>
              {listing.status !== 'approved' ? <span className="runner-sop__status">Template — needs local sign-off</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
