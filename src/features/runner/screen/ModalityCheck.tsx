// The scan type of this episode, confirmed at its start: the tablet's setting
// is the default and is shown plainly ("never silently carried over"); one tap
// on another scan type restarts the episode for it (the first one is logged as
// abandoned, started with the wrong scan type). Shown until the first step is left.
import { MODALITIES, MODALITY_LABEL, type Modality } from '../../../shared/session';
import { Button } from '../../../ui/Button';
import './modalityCheck.css';

export const WRONG_SCAN_REASON = 'Restarted: started with the wrong scan type';

export function ModalityCheck({ modality, offered, onChange }: { modality: Modality; offered: readonly Modality[]; onChange(modality: Modality): void }) {
  const others = MODALITIES.filter((m) => m !== modality && offered.includes(m));
  return (
    <section className="runner-modality-check" aria-label="Scan type">
      <p className="runner-modality-check__text">
        Scan type: <strong>{MODALITY_LABEL[modality]}</strong> (this tablet&apos;s setting).
        {others.length > 0 ? ' Not right? It is:' : null}
      </p>
      {others.length > 0 ? (
        // One row of short buttons, so the check costs one line above the decision.
        <div className="runner-modality-check__choices">
          {others.map((m) => (
            <Button key={m} variant="secondary" onClick={() => onChange(m)}>
              {MODALITY_LABEL[m]}
            </Button>
          ))}
        </div>
      ) : null}
    </section>
  );
}
