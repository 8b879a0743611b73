import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** A post office, centre or department (`GET /api/units`). */
export type Unit = {
  id: string;
  code: string;
  name: string;
  /** The unit this one reports to; null at the top of the province. */
  parentId: string | null;
  lat: number | null;
  lng: number | null;
  address: string;
};

export async function getUnits(signal?: AbortSignal): Promise<Unit[]> {
  const { items } = await apiClient.get<{ items: Unit[] }>('/api/units', { signal });
  return items;
}

export function unitsQueryOptions() {
  return queryOptions({
    queryKey: ['units'] as const,
    queryFn: ({ signal }) => getUnits(signal),
    staleTime: 10 * 60_000,
  });
}

export function useUnits() {
  return useQuery(unitsQueryOptions());
}
