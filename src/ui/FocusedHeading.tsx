// A page's heading that takes focus when the page opens inside a section (a
// version page, the editor, an episode's record, a form opened by Edit), so a
// screen reader announces where the user now is and Tab starts from there.
// Focus never scrolls the page behind a sticky bar: see scroll-margin in ui.css.
import { useEffect, useRef, type ReactNode } from 'react';

type Level = 1 | 2 | 3;

export interface FocusedHeadingProps {
  level?: Level;
  id?: string;
  className?: string;
  /** False where the page is also the app's first screen (focus stays at the top of the document there). */
  takeFocus?: boolean;
  children: ReactNode;
}

export function FocusedHeading({ level = 1, id, className, takeFocus = true, children }: FocusedHeadingProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOnMount = useRef(takeFocus);
  useEffect(() => {
    if (focusOnMount.current) heading.current?.focus();
  }, []);
  const Tag = `h${level}` as const;
  return (
    <Tag ref={heading} id={id} className={className} tabIndex={-1}>
      {children}
    </Tag>
  );
}
