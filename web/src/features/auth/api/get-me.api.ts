import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';

import type { Me } from '@tannha/shared';

import { ApiError, apiClient } from '@/lib/api-client';

/** Keys of the auth feature, in one place: the session query and the logout mutation. */
export const authKeys = {
  me: () => ['auth', 'me'] as const,
  logout: () => ['auth', 'logout'] as const,
};

/**
 * The current user, or null when nobody is logged in. `GET /api/auth/session` answers
 * `{ user: null }` for nobody, so a logged-out page makes no failing request (a 401 would be
 * logged as an error in the browser's console on every visit); a 401 is still read as null.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const { user } = await apiClient.get<{ user: Me | null }>('/api/auth/session', { signal });
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    // The session only changes through login/logout (which write this cache) or by expiring
    // (which the API client reports), so refetching on every focus would be wasted requests.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/** The session query: `data` is the user, null when logged out, undefined while loading. */
export function useMe() {
  return useQuery(meQueryOptions());
}

/**
 * Forgets everything the previous user could see: the user record becomes null and every other
 * cached query is dropped, so the next person on this desk starts clean.
 */
export function clearSession(queryClient: QueryClient): void {
  queryClient.setQueryData(authKeys.me(), null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.me()[0] });
}
