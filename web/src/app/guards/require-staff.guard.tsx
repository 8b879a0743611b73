import type { Me } from '@tannha/shared';
import type { ReactNode } from 'react';

import { RequireUser } from './session-gate';

/** Like RequireRole, for pages every desk role shares (operators, dispatchers, managers, admins). */
export function RequireStaff({ children }: { children: (me: Me) => ReactNode }) {
  return (
    <RequireUser allows={(me) => me.role !== 'courier'} keepQuery={false}>
      {children}
    </RequireUser>
  );
}
