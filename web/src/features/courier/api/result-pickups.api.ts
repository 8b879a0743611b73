import type { ResultPickup, ResultPickupCheck } from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { courierKeys } from './courier-keys';

/** Where the phone queues a counter pickup record (`POST /api/couriers/me/result-pickups`). */
export const RESULT_PICKUP_URL = '/api/couriers/me/result-pickups';

/**
 * `POST /api/couriers/me/result-pickups/check`: what each scanned code would be at the counter
 * (nothing is written; asked again for every burst of scans, so not a cached query).
 */
export function checkPickupCodes(codes: string[], signal?: AbortSignal) {
  return apiClient.post<ResultPickupCheck>(`${RESULT_PICKUP_URL}/check`, {
    body: { codes },
    ...(signal ? { signal } : {}),
  });
}

/** `GET /api/result-pickups/:id`: one counter pickup record, for the screen and for printing. */
export function resultPickupQueryOptions(id: string) {
  return queryOptions({
    queryKey: courierKeys.resultPickup(id),
    queryFn: ({ signal }) => apiClient.get<ResultPickup>(`/api/result-pickups/${id}`, { signal }),
  });
}
export const useResultPickup = (id: string) => useQuery(resultPickupQueryOptions(id));
