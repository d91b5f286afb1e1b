// The step's title as the page heading. Focus moves to it on every new step,
// so a screen reader announces the step and Tab starts from the top (only
// once the step is on show: a screen made ready out of sight waits).
import { useEffect, useRef } from 'react';
import { useStepShown } from './stepShown';

export function StepHeading({ stepKey, title, text }: { stepKey: string; title: string; text?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useStepShown();
  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [stepKey, shown]);
  return (
    <div className="runner-step__head">
      <h1 className="runner-step__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {text ? <p className="runner-step__text">{text}</p> : null}
    </div>
  );
}
