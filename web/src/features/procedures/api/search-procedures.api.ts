import type { Procedure } from '@tannha/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** Shorter terms match most of the catalogue and only make the list jump around. */
export const MIN_SEARCH_LENGTH = 2;

/** `GET /api/procedures?q=…`; the server ignores diacritics (`khai sinh` finds `Khai sinh`). */
export async function searchProcedures(q: string, signal?: AbortSignal): Promise<Procedure[]> {
  const { items } = await apiClient.get<{ items: Procedure[] }>('/api/procedures', {
    query: { q },
    signal,
  });
  return items;
}

export function searchProceduresQueryOptions(q: string) {
  return queryOptions({
    queryKey: ['procedures', 'search', q] as const,
    queryFn: ({ signal }) => searchProcedures(q, signal),
    enabled: q.length >= MIN_SEARCH_LENGTH,
    // The catalogue changes when an admin edits it, not during a call.
    staleTime: 5 * 60_000,
  });
}

/** Search results; the previous list stays on screen while the next one loads. */
export function useSearchProcedures(q: string) {
  return useQuery({ ...searchProceduresQueryOptions(q), placeholderData: keepPreviousData });
}
