// Who to call for a role: the local person or team, a big tel: link and the
// bleep or extension. A role with no number on this device is shown loudly;
// an emergency role (999, the arrest call) is never left without a 999 link,
// and the arrest call says what a hospital site does instead.
import { memo } from 'react';
import type { ContactLookup } from '../episode/runnerServices';
import './DirectoryCard.css';

/** How urgent a role's call is: 999-type roles always offer 999. */
export type CallKind = 'emergency' | 'resuscitation' | 'other';

function Dial999({ note }: { note: string }) {
  return (
    <div className="runner-contact__ways">
      <a className="button button--primary-size runner-contact__call" href="tel:999">Call 999</a>
      <p className="runner-contact__fallback">{note}</p>
    </div>
  );
}

const HOSPITAL_SITE = 'On a hospital site, call the hospital arrest number (2222 in NHS hospitals) instead; anywhere else, 999.';

// Its props are words and the directory's answer (kept while the role is the same), so it is drawn again only when one changes.
export const DirectoryCard = memo(function DirectoryCard({ roleTitle, lookup, fallbackTitle, kind = 'other' }: { roleTitle: string; lookup: ContactLookup; fallbackTitle: string | null; kind?: CallKind }) {
  if (lookup.state === 'loading') {
    return (
      <div className="runner-contact">
        <p className="runner-contact__role">{roleTitle}</p>
        <p>Looking up the local number…</p>
      </div>
    );
  }
  if (lookup.state === 'missing' && kind !== 'other') {
    return (
      <div className="runner-contact">
        <p className="runner-contact__role">{roleTitle}</p>
        <Dial999 note={kind === 'resuscitation' ? HOSPITAL_SITE : '999 is the national emergency number: it needs no local entry.'} />
      </div>
    );
  }
  if (lookup.state === 'missing') {
    return (
      <div className="runner-contact runner-contact--missing" role="alert">
        <p className="runner-contact__role">{roleTitle}</p>
        <p className="runner-contact__warning">
          <strong>Not configured:</strong> no number for {roleTitle} on this device — use the fallback (choose “No answer”).
        </p>
      </div>
    );
  }
  const { contact } = lookup;
  const dial = contact.phone.replace(/[^0-9+#*]/g, '');
  return (
    <div className="runner-contact">
      <p className="runner-contact__role">{roleTitle}</p>
      {contact.name ? <p className="runner-contact__name">{contact.name}</p> : null}
      <div className="runner-contact__ways">
        {dial ? (
          <a className="button button--primary-size runner-contact__call" href={`tel:${dial}`}>
            Call {contact.phone}
          </a>
        ) : null}
        {contact.extension ? <p className="runner-contact__extension">Bleep / extension: <strong>{contact.extension}</strong></p> : null}
      </div>
      {contact.hours ? <p className="runner-contact__hours">Hours: {contact.hours}</p> : null}
      {kind === 'resuscitation' ? <p className="runner-contact__hours">{HOSPITAL_SITE}</p> : null}
      {fallbackTitle ? <p className="runner-contact__fallback">If no answer: {fallbackTitle}</p> : null}
    </div>
  );
});
