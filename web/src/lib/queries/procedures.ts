import type { Procedure } from '@tannha/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '../api-client';

// The catalogue search is asked by two features on the same page (the operator's job form
// picks from 8 answers, the catalogue look-up lists 20), so the query and its key live here.
// The key carries every parameter that changes the answer: two questions never share a cache
// entry. Invalidate with `procedureKeys.all` after the catalogue changes.

/** Shorter terms match most of the catalogue and only make the list jump around. */
export const MIN_SEARCH_LENGTH = 2;

/** What a catalogue search asks: the term and how many answers. */
export type ProcedureSearchParams = {
  /** Search term; the server ignores diacritics (`khai sinh` finds `Khai sinh`). */
  q: string;
  /** Most answers wanted (the server's default is 20). */
  limit: number;
};

/** Query keys for the procedure catalogue; everything lives under `['procedures']`. */
export const procedureKeys = {
  all: ['procedures'] as const,
  searches: () => [...procedureKeys.all, 'search'] as const,
  search: ({ q, limit }: ProcedureSearchParams) =>
    [...procedureKeys.searches(), { q, limit }] as const,
};

/** `GET /api/procedures?q=…&limit=…`. */
export async function searchProcedures(
  { q, limit }: ProcedureSearchParams,
  signal?: AbortSignal,
): Promise<Procedure[]> {
  const { items } = await apiClient.get<{ items: Procedure[] }>('/api/procedures', {
    query: { q, limit },
    signal,
  });
  return items;
}

/** A catalogue search; it runs once the term has `MIN_SEARCH_LENGTH` characters. */
export function searchProceduresQueryOptions(params: ProcedureSearchParams) {
  return queryOptions({
    queryKey: procedureKeys.search(params),
    queryFn: ({ signal }) => searchProcedures(params, signal),
    enabled: params.q.length >= MIN_SEARCH_LENGTH,
    // The catalogue changes when an admin edits it, not during a call.
    staleTime: 5 * 60_000,
  });
}

/** Search results; the previous list stays on screen while the next one loads. */
export function useSearchProcedures(params: ProcedureSearchParams) {
  return useQuery({ ...searchProceduresQueryOptions(params), placeholderData: keepPreviousData });
}
