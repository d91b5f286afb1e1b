// Who to call for a role: the local person or team, a big tel: link and the
// bleep or extension. A role with no number on this device is shown loudly.
import type { ContactLookup } from '../episode/runnerServices';
import './DirectoryCard.css';

export function DirectoryCard({ roleTitle, lookup, fallbackTitle }: { roleTitle: string; lookup: ContactLookup; fallbackTitle: string | null }) {
  if (lookup.state === 'loading') {
    return (
      <div className="runner-contact">
        <p className="runner-contact__role">{roleTitle}</p>
        <p>Looking up the local number…</p>
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
      {fallbackTitle ? <p className="runner-contact__fallback">If no answer: {fallbackTitle}</p> : null}
    </div>
  );
}
