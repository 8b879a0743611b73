import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { clearSession } from './get-me.api';

/** `POST /api/auth/logout` (204). */
export async function logout(): Promise<void> {
  await apiClient.post<void>('/api/auth/logout');
}

/**
 * Logs out. The local session is cleared even when the request fails (offline courier,
 * already-expired cookie): a user who pressed "log out" must not stay on screen.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => clearSession(queryClient),
  });
}
