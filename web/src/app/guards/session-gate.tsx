import type { Me } from '@tannha/shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { useMe } from '@/features/auth/api/get-me.api';

import { PlainLayout } from '../layouts/plain-layout';
import { ForbiddenPage } from '../routes/forbidden.page';

/**
 * Waits for the session: a full-page spinner while it loads, an error with a retry when it
 * cannot be read, then `children` with the user (null when nobody is logged in).
 */
export function SessionGate({ children }: { children: (me: Me | null) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <LoadingState fullPage />;
  if (me.isError) {
    return (
      <PlainLayout>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </PlainLayout>
    );
  }
  return children(me.data);
}

/**
 * Lets in only users `allows` accepts: nobody logged in → login page (coming back here
 * afterwards, with the query string when `keepQuery`); anyone else → a "not allowed" page.
 */
export function RequireUser({
  allows,
  keepQuery,
  children,
}: {
  allows: (me: Me) => boolean;
  keepQuery: boolean;
  children: (me: Me) => ReactNode;
}) {
  const location = useLocation();
  return (
    <SessionGate>
      {(me) => {
        if (!me) {
          const next = encodeURIComponent(
            keepQuery ? `${location.pathname}${location.search}` : location.pathname,
          );
          return <Navigate to={`/login?next=${next}`} replace />;
        }
        if (!allows(me)) return <ForbiddenPage me={me} />;
        return children(me);
      }}
    </SessionGate>
  );
}
