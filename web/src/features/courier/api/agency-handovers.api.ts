import type {
  AgencyHandover,
  AgencyHandoverCandidate,
  AgencyHandoverSummary,
} from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** Prefix of every handover query; under `courier`, so each action the outbox sends refreshes them. */
export const AGENCY_HANDOVERS_KEY = ['courier', 'agency-handovers'] as const;
const KEY = AGENCY_HANDOVERS_KEY;

/** `GET /api/agency-handovers/eligible`: the courier's dossiers waiting to go to the agency. */
export function handoverCandidatesQueryOptions() {
  return queryOptions({
    queryKey: [...KEY, 'eligible'] as const,
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: AgencyHandoverCandidate[] }>(
          '/api/agency-handovers/eligible',
          { signal },
        )
      ).items,
  });
}
export const useHandoverCandidates = () => useQuery(handoverCandidatesQueryOptions());

/** `GET /api/agency-handovers`: the courier's latest handover records, to reprint one. */
export function agencyHandoversQueryOptions() {
  return queryOptions({
    queryKey: [...KEY, 'list'] as const,
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: AgencyHandoverSummary[] }>('/api/agency-handovers', {
          query: { limit: 10 },
          signal,
        })
      ).items,
  });
}
export const useAgencyHandovers = () => useQuery(agencyHandoversQueryOptions());

/** `GET /api/agency-handovers/:id`: one record, for the screen and for printing. */
export function agencyHandoverQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...KEY, 'record', id] as const,
    queryFn: ({ signal }) =>
      apiClient.get<AgencyHandover>(`/api/agency-handovers/${id}`, { signal }),
  });
}
export const useAgencyHandover = (id: string) => useQuery(agencyHandoverQueryOptions(id));
