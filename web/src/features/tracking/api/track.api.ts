import type { TrackingView } from '@tannha/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { ApiError, apiClient } from '@/lib/api-client';
import { pollEvery } from '@/lib/polling';

/** A dossier in one of these states will not change any more: nothing to poll for. */
const SETTLED = ['completed', 'returned', 'cancelled'];

/** Query keys of the public tracking page, in one place. */
export const trackingKeys = {
  all: ['tracking'] as const,
  view: (code: string, last4: string | null) => ['tracking', code, last4] as const,
};

/** `GET /api/track/:code?phone=LAST4`: the public view of a job. */
export function getTracking(
  code: string,
  last4: string,
  signal?: AbortSignal,
): Promise<TrackingView> {
  return apiClient.get<TrackingView>(`/api/track/${encodeURIComponent(code)}`, {
    query: { phone: last4 },
    signal,
  });
}

export function trackingQueryOptions(code: string, last4: string | null) {
  return queryOptions({
    queryKey: trackingKeys.view(code, last4),
    queryFn: ({ signal }) => getTracking(code, last4!, signal),
    enabled: last4 !== null,
    retry: false,
    // Keeps the ETA and timeline of a found, open dossier current while the citizen waits;
    // a wrong code or phone is never asked again (it spends the look-up budget for nothing).
    refetchInterval: pollEvery<TrackingView>(60_000, {
      needsData: true,
      keepGoing: (view) => !SETTLED.includes(view.status),
    }),
    // A new look-up after a refusal is the citizen's to make, by pressing the button.
    refetchOnWindowFocus: (query: { state: { error: Error | null } }) =>
      !(query.state.error instanceof ApiError),
  });
}

export function useTracking(code: string, last4: string | null) {
  return useQuery(trackingQueryOptions(code, last4));
}

/** `POST /api/track/:code/rating`: once per job, after completion. */
export function useRateJob(code: string, last4: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { stars: number; comment?: string }) =>
      apiClient.post<{ stars: number; comment: string | null; createdAt: string }>(
        `/api/track/${encodeURIComponent(code)}/rating`,
        { body: { phone: last4, ...input } },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: trackingKeys.view(code, last4) }),
  });
}
