import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

import type { OfficeRef, ServiceArea, WardOption } from '@tannha/shared';

import { apiClient } from '@/lib/api-client';

import { intakeKeys } from './intake-keys';

export type { OfficeRef, ServiceArea };
/** A ward of the province and the post office serving it, if any. */
export type WardItem = WardOption;

export const serviceAreasQuery = () =>
  queryOptions({
    queryKey: intakeKeys.serviceAreas(),
    queryFn: ({ signal }) =>
      apiClient
        .get<{ items: ServiceArea[] }>('/api/admin/service-areas', { signal })
        .then((r) => r.items),
  });

/** Every post office with its wards (`GET /api/admin/service-areas`). */
export function useServiceAreas() {
  return useQuery(serviceAreasQuery());
}

/** Wards of the province whose name matches `q`, accents and case aside. */
export function useWardSearch(q: string) {
  return useQuery({ ...wardSearchQuery(q), placeholderData: keepPreviousData });
}

export const wardSearchQuery = (q: string) =>
  queryOptions({
    queryKey: intakeKeys.wards(q),
    queryFn: ({ signal }) =>
      apiClient
        .get<{ items: WardItem[] }>('/api/places/wards', { signal, query: { q, limit: 10 } })
        .then((r) => r.items),
    enabled: q.trim().length > 0,
  });

export type SaveServiceWardsInput = { unitId: string; wardCodes: string[]; move?: boolean };

/** Replaces an office's wards; `move` takes wards away from the office serving them now. */
export function useSaveServiceWards() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, wardCodes, move }: SaveServiceWardsInput) =>
      apiClient.put<unknown>(`/api/admin/units/${unitId}/service-wards`, {
        body: move ? { wardCodes, move } : { wardCodes },
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: intakeKeys.serviceAreas() }),
        qc.invalidateQueries({ queryKey: intakeKeys.wardSearches() }),
      ]),
  });
}
