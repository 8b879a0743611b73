import { useMutation } from '@tanstack/react-query';

import type { PasswordChangeInput, PasswordChangeResult } from '@tannha/shared';

import { apiClient } from '@/lib/api-client';

/**
 * `POST /api/auth/password`; throws `ApiError` (`wrong_current_password` with a field message,
 * `validation_failed`, `rate_limited`). The other sessions of the user end; this one stays.
 */
export function changePassword(input: PasswordChangeInput): Promise<PasswordChangeResult> {
  return apiClient.post<PasswordChangeResult>('/api/auth/password', { body: input });
}

/** Changes the signed-in user's own password (nothing cached depends on it). */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
