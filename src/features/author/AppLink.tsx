// An in-app link: a real href (open in new tab, copy link) that navigates
// without a page load on a plain click.
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../../shared/router';

export function AppLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={click} {...rest} />;
}
