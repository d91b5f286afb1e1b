// The step's title as the page heading. Focus moves to it on every new step,
// so a screen reader announces the step and Tab starts from the top.
import { useEffect, useRef } from 'react';

export function StepHeading({ stepKey, title, text }: { stepKey: string; title: string; text?: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [stepKey]);
  return (
    <div className="runner-step__head">
      <h1 className="runner-step__title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {text ? <p className="runner-step__text">{text}</p> : null}
    </div>
  );
}
