import type { Me, RoleValue } from '@tannha/shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { useMe } from '@/features/auth/api/get-me.api';

import { PlainLayout } from '../layouts/plain-layout';
import { ForbiddenPage } from '../routes/forbidden.page';

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
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <LoadingState fullPage />;
  if (me.isError) {
    return (
      <PlainLayout>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </PlainLayout>
    );
  }
  if (!me.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.data.role !== role) return <ForbiddenPage me={me.data} />;
  return children(me.data);
}
