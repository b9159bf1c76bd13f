// A link in the top bar that tells screen readers (and the style) when it is the screen shown.
import type { ComponentProps } from 'react';
import { Link, useRoute } from 'wouter';

export function NavLink({ to, ...props }: { to: string } & Omit<ComponentProps<'a'>, 'href'>) {
  const [current] = useRoute(to);
  return <Link to={to} aria-current={current ? 'page' : undefined} {...props} />;
}
