// The Escalate list: the SOPs for the modality in use as compact cards, all
// in view at once on a landscape tablet, the time-critical findings first
// (listingOrder.ts), each card's most urgent outcome said in words, with a search box. One tap starts the episode at its first
// step; no form. A card's name is its finding-first title; the urgency, the
// template status and the finding are its description.
import { useId, useMemo, useState } from 'react';
import { Button } from '../../../ui/Button';
import { MODALITIES, MODALITY_LABEL, type Modality } from '../../../shared/session';
import { URGENCY_LABEL } from '../../../engine/urgency';
import { tierOf, timeCriticalFirst } from './listingOrder';
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

const isTemplate = (listing: SopListing) => listing.status !== 'approved';

function describe(listing: SopListing): string {
  return [
    tierOf(listing.sopId) ? `${tierOf(listing.sopId)!.label}.` : null,
    listing.urgency ? `Most urgent outcome: ${URGENCY_LABEL[listing.urgency]}.` : null,
    isTemplate(listing) ? 'Template: needs local sign-off.' : null,
    listing.finding,
  ].filter(Boolean).join(' ');
}

function SopCard({ listing, onStart, busy }: { listing: SopListing; onStart(listing: SopListing): void; busy: boolean }) {
  const aboutId = useId();
  return (
    <button type="button" className="runner-sop" disabled={busy} onClick={() => onStart(listing)} aria-describedby={aboutId}>
      <span className="runner-sop__title">{listing.title}</span>
      <span className="runner-sop__facts" aria-hidden="true">
        {listing.urgency ? <span className={`urgency-tag urgency-tag--${listing.urgency}`}>{URGENCY_LABEL[listing.urgency]}</span> : null}
        {isTemplate(listing) ? <span className="runner-sop__status">Template</span> : null}
      </span>
      <span id={aboutId} hidden>{describe(listing)}</span>
    </button>
  );
}

export function SopList({ listings, onStart, busy }: { listings: SopListing[]; onStart(listing: SopListing): void; busy: boolean }) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const shown = useMemo(() => timeCriticalFirst(listings.filter((listing) => matchesSearch(listing, query))), [listings, query]);
  return (
    <section aria-labelledby="sop-list-title">
      <h2 id="sop-list-title" className="visually-hidden">Findings</h2>
      <div className="runner-list__bar">
        <div className="field runner-search">
          <label htmlFor={searchId}>Search findings</label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
        </div>
        <p className="runner-list__order">Time-critical findings first</p>
      </div>
      {shown.length === 0 ? <p role="status">No finding matches “{query}”.</p> : null}
      <ul className="runner-sops">
        {shown.map((listing) => (
          <li key={listing.sopId}>
            <SopCard listing={listing} onStart={onStart} busy={busy} />
          </li>
        ))}
      </ul>
    </section>
  );
}
