import { useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';

import { clearSession } from '@/features/auth/api/get-me.api';
import { onUnauthorized } from '@/lib/api-client';
import { queryClient } from '@/lib/query-client';

import { AppProvider } from './provider';
import { router } from './router';

/**
 * The session ended under the user (expired, revoked, server restarted with a new secret).
 * Navigate first (synchronously, not as a transition that leaves the old page mounted) and
 * clear afterwards: clearing first would let a page guard redirect to a bare /login and the
 * user would never learn why.
 */
function handleSessionExpired(): void {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  const next = encodeURIComponent(`${pathname}${search}`);
  void router
    .navigate(`/login?expired=1&next=${next}`, { replace: true, flushSync: true })
    .then(() => clearSession(queryClient));
}

/** The root component. */
export function App() {
  useEffect(() => onUnauthorized(handleSessionExpired), []);
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
