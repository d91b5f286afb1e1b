// What to say: the SBAR handover built from the answers so far, with Copy,
// Share and Read aloud where the device allows (each says plainly if not).
import { memo, useId, useState } from 'react';
import type { Sbar } from '../../../engine';
import { Button } from '../../../ui/Button';
import { COPY_MESSAGE, copyText } from '../device/clipboard';
import { canShare, shareText } from '../device/share';
import { canSpeak, speak } from '../device/speech';
import './SbarPanel.css';

const PARTS: Array<{ key: keyof Sbar; label: string }> = [
  { key: 'situation', label: 'Situation' },
  { key: 'background', label: 'Background' },
  { key: 'assessment', label: 'Assessment' },
  { key: 'recommendation', label: 'Recommendation' },
];

export function sbarText(sbar: Sbar): string {
  return PARTS.map((part) => `${part.label}: ${sbar[part.key]}`).join('\n');
}

/**
 * Drawn again only when its words change: the SBAR is built afresh from the
 * episode on every draw of the contact screen (a new object each time), though
 * it reads the same unless the answers, observations or CPR times behind it changed.
 */
export const SbarPanel = memo(function SbarPanel({ sbar, title }: { sbar: Sbar; title: string }) {
  const [message, setMessage] = useState('');
  // A screen made ready for the next tap may hold a second panel: ids must not clash.
  const titleId = useId();
  const text = sbarText(sbar);
  return (
    <section className="runner-sbar rendered-when-in-view" aria-labelledby={titleId}>
      <h2 id={titleId} className="runner-sbar__title">What to say (SBAR)</h2>
      <dl className="runner-sbar__list">
        {PARTS.map((part) => (
          <div key={part.key} className="runner-sbar__part">
            <dt>{part.label}</dt>
            <dd>{sbar[part.key]}</dd>
          </div>
        ))}
      </dl>
      <div className="runner-sbar__tools">
        <Button variant="secondary" onClick={async () => setMessage(COPY_MESSAGE[await copyText(text)])}>
          Copy handover
        </Button>
        {canShare() ? (
          <Button variant="secondary" onClick={async () => {
            const result = await shareText(title, text);
            setMessage(result === 'failed' ? 'Sharing did not work on this device.' : '');
          }}>
            Share
          </Button>
        ) : null}
        {canSpeak() ? (
          <Button variant="secondary" onClick={() => setMessage(speak(text) ? 'Reading aloud…' : 'Reading aloud is not available.')}>
            Read aloud
          </Button>
        ) : null}
      </div>
      <p className="runner-sbar__message" role="status">{message}</p>
    </section>
  );
}, (before, after) => before.title === after.title && PARTS.every(({ key }) => before.sbar[key] === after.sbar[key]));
