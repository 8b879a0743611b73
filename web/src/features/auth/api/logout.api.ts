import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { apiClient } from '@/lib/api-client';
import { clearCachedData } from '@/lib/service-worker';
import { disconnectSocket } from '@/lib/socket';

import { authKeys, clearSession } from './get-me.api';

/** `POST /api/auth/logout` (204). */
export async function logout(): Promise<void> {
  await apiClient.post<void>('/api/auth/logout');
}

/**
 * Logs out and shows the login page. The local session is cleared even when the request fails
 * (offline courier, cookie already expired): a user who pressed "log out" must not stay on
 * screen.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationKey: authKeys.logout(),
    mutationFn: logout,
    onSettled: async () => {
      // Leave the page before clearing: with the user gone while a guarded page is still on
      // screen, its guard would send them to the login page with a "come back here" link.
      // flushSync, because a navigation is otherwise a transition and the old page would stay
      // mounted a moment longer. The login page meanwhile sees the old user still cached;
      // `useIsLoggingOut` tells it not to bounce them back in.
      await navigate('/login', { replace: true, flushSync: true });
      clearSession(queryClient);
      // Nothing of this user stays on the device: no live connection, no cached answers.
      disconnectSocket();
      clearCachedData();
    },
  });
}

/** True from the moment logout is pressed until the session has been cleared. */
export function useIsLoggingOut(): boolean {
  return useIsMutating({ mutationKey: authKeys.logout() }) > 0;
}
