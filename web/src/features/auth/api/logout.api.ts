import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { apiClient } from '@/lib/api-client';

import { clearSession } from './get-me.api';

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
    mutationFn: logout,
    onSettled: async () => {
      // Leave the page before clearing: with the user gone while a guarded page is still on
      // screen, its guard would send them to the login page with a "come back here" link.
      await navigate('/login', { replace: true });
      clearSession(queryClient);
    },
  });
}
