import type { Me } from '@tannha/shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { useMe } from '@/features/auth/api/get-me.api';

import { PlainLayout } from '../layouts/plain-layout';
import { ForbiddenPage } from '../routes/forbidden.page';

/** Like RequireRole, for pages every desk role shares (operators, dispatchers, managers, admins). */
export function RequireStaff({ children }: { children: (me: Me) => ReactNode }) {
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
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.data.role === 'courier') return <ForbiddenPage me={me.data} />;
  return children(me.data);
}
