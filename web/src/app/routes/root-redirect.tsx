import { Navigate } from 'react-router';

import { ErrorState, LoadingState } from '@/components/ui/feedback';
import { useMe } from '@/features/auth/api/get-me.api';

import { PlainLayout } from '../layouts/plain-layout';
import { ROLE_HOME } from '../role-homes';

/** `/`: the logged-in role's home, or the login page. */
export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <LoadingState fullPage />;
  if (me.isError) {
    return (
      <PlainLayout>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </PlainLayout>
    );
  }
  return <Navigate to={me.data ? ROLE_HOME[me.data.role] : '/login'} replace />;
}
