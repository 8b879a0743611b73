import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { LoginInput, Me } from '@tannha/shared';

import { apiClient } from '@/lib/api-client';

import { authKeys } from './get-me.api';

/** `POST /api/auth/login`; throws `ApiError` (`invalid_credentials`, `login_throttled`, …). */
export async function login(input: LoginInput): Promise<Me> {
  const { user } = await apiClient.post<{ user: Me }>('/api/auth/login', { body: input });
  return user;
}

/** Logs in and stores the user as the session, so guards see it without another request. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}
