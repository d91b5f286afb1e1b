// The numbered options of a step: big, well-spaced buttons with the key that
// chooses each, an optional detail line and an urgency tag in words.
// Each button's accessible name is its visible words, label first (so voice
// control's "click Yes" works and axe's label-content-name-mismatch holds);
// the urgency it leads to is its description, not part of its name.
import { memo, useId, type ReactNode } from 'react';
import { useKeyChoice } from './useKeyChoice';
import './ChoiceButtons.css';

export interface Choice {
  id: string;
  label: string;
  detail?: string;
  tag?: ReactNode;
  /** The tag in words for assistive technology, e.g. "Emergency now". */
  tagText?: string;
  /** Highlighted as the way on (e.g. "No answer" when a role is not configured). */
  emphasis?: boolean;
}

/**
 * Drawn again only when its choices or `onChoose` change: callers keep both
 * stable (useMemo, useCallback), so a screen drawn again with the episode as
 * it now stands (a screen made ready, revealed by a tap) leaves its buttons be.
 */
export const ChoiceButtons = memo(function ChoiceButtons({ choices, onChoose, legend }: { choices: Choice[]; onChoose(id: string): void; legend: string }) {
  const idPrefix = useId();
  return (
    <div className="runner-choices" role="group" aria-label={legend}>
      <ChooseByKey choices={choices} onChoose={onChoose} />
      {choices.map((choice, index) => (
        <button
          key={choice.id}
          type="button"
          className={`runner-choice${choice.emphasis ? ' runner-choice--emphasis' : ''}`}
          onClick={() => onChoose(choice.id)}
          aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
          aria-describedby={choice.tagText ? `${idPrefix}-${index}-urgency` : undefined}
        >
          {index < 9 ? <span className="runner-choice__key" aria-hidden="true">{index + 1}</span> : null}
          <span className="runner-choice__body">
            <span className="runner-choice__label">{choice.label}</span>
            {choice.detail ? (
              <>
                <span className="visually-hidden">, </span>
                <span className="runner-choice__detail">{choice.detail}</span>
              </>
            ) : null}
          </span>
          {choice.tag ? <span className="runner-choice__tag" aria-hidden="true">{choice.tag}</span> : null}
          {choice.tagText ? <span id={`${idPrefix}-${index}-urgency`} hidden>{`Leads to ${choice.tagText}`}</span> : null}
        </button>
      ))}
    </div>
  );
});

/**
 * The number keys, apart from the buttons: they listen only while the screen
 * is on show, so revealing a screen made ready draws this again, not the buttons.
 */
function ChooseByKey({ choices, onChoose }: { choices: Choice[]; onChoose(id: string): void }) {
  useKeyChoice({
    choose: (index) => {
      const choice = choices[index];
      if (choice) onChoose(choice.id);
    },
  });
  return null;
}
