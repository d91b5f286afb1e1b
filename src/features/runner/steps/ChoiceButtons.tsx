// The numbered options of a step: big, well-spaced buttons with the key that
// chooses each, an optional detail line and an urgency tag in words.
import type { ReactNode } from 'react';
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

export function ChoiceButtons({ choices, onChoose, legend }: { choices: Choice[]; onChoose(id: string): void; legend: string }) {
  useKeyChoice({
    choose: (index) => {
      const choice = choices[index];
      if (choice) onChoose(choice.id);
    },
  });
  return (
    <div className="runner-choices" role="group" aria-label={legend}>
      {choices.map((choice, index) => (
        <button
          key={choice.id}
          type="button"
          className={`runner-choice${choice.emphasis ? ' runner-choice--emphasis' : ''}`}
          onClick={() => onChoose(choice.id)}
          aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
          aria-label={[choice.label, choice.detail, choice.tagText ? `leads to ${choice.tagText}` : undefined].filter(Boolean).join(', ')}
        >
          {index < 9 ? <span className="runner-choice__key" aria-hidden="true">{index + 1}</span> : null}
          <span className="runner-choice__body">
            <span className="runner-choice__label">{choice.label}</span>
            {choice.detail ? <span className="runner-choice__detail">{choice.detail}</span> : null}
          </span>
          {choice.tag}
        </button>
      ))}
    </div>
  );
}
