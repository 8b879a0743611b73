import type { Me, RoleValue } from '@tannha/shared';
import type { ReactNode } from 'react';

import { RequireUser } from './session-gate';

export type RequireRoleProps = {
  role: RoleValue;
  /** Rendered with the logged-in user once the role matches. */
  children: (me: Me) => ReactNode;
};

/**
 * Lets only `role` into a page: nobody logged in → login page (coming back here afterwards);
 * another role → a "not allowed" page. The server checks roles on every call anyway; this
 * guard is about showing people the right screen, not about security.
 */
export function RequireRole({ role, children }: RequireRoleProps) {
  return (
    <RequireUser allows={(me) => me.role === role} keepQuery>
      {children}
    </RequireUser>
  );
}
