import type {
  AgencyHandover,
  AgencyHandoverCandidate,
  AgencyHandoverSummary,
} from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { courierKeys } from './courier-keys';

/** `GET /api/agency-handovers/eligible`: the courier's dossiers waiting to go to the agency. */
export function handoverCandidatesQueryOptions() {
  return queryOptions({
    queryKey: courierKeys.handoverCandidates(),
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
    queryKey: courierKeys.handoverList(),
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
    queryKey: courierKeys.handoverRecord(id),
    queryFn: ({ signal }) =>
      apiClient.get<AgencyHandover>(`/api/agency-handovers/${id}`, { signal }),
  });
}
export const useAgencyHandover = (id: string) => useQuery(agencyHandoverQueryOptions(id));
