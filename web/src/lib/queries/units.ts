import type { Unit } from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '../api-client';

// Units are read by several features (operator console, manager home) and changed by the
// admin screens, and features may not import each other: so the query and its key live here,
// in shared web code, once. Invalidate with `unitKeys.all` after changing a unit.

/** Query keys for units; everything lives under `['units']`. */
export const unitKeys = {
  all: ['units'] as const,
  /** `GET /api/units` takes no parameters: the server answers for the caller's scope. */
  list: () => [...unitKeys.all, 'list'] as const,
};

/** `GET /api/units`: the units the user may see (the whole province for its managers). */
export async function getUnits(signal?: AbortSignal): Promise<Unit[]> {
  const { items } = await apiClient.get<{ items: Unit[] }>('/api/units', { signal });
  return items;
}

/** The caller's units; they change when an admin edits them, so they stay fresh for 10 min. */
export function unitsQueryOptions() {
  return queryOptions({
    queryKey: unitKeys.list(),
    queryFn: ({ signal }) => getUnits(signal),
    staleTime: 10 * 60_000,
  });
}

/** The caller's units (`GET /api/units`). */
export function useUnits() {
  return useQuery(unitsQueryOptions());
}
