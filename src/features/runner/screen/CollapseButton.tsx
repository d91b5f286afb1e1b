// The action that beats everything: on every runner screen, one tap from
// anywhere, straight to the local resuscitation steps.
import './CollapseButton.css';
export const COLLAPSE_LABEL = 'Patient collapsed / not breathing normally';

export function CollapseButton({ onCollapse, active }: { onCollapse(): void; active: boolean }) {
  return (
    <div className="runner-collapse">
      <button type="button" className="runner-collapse__button" onClick={onCollapse}>
        {COLLAPSE_LABEL}
      </button>
      {active ? <p className="runner-collapse__note">Resuscitation steps are showing below.</p> : null}
    </div>
  );
}
