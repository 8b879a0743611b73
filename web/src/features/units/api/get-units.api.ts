import type { Unit } from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** `GET /api/units`: the units the user may see (the whole province for its managers). */
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
