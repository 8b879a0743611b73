import type { SmsList } from '@tannha/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** `GET /api/sms`: the outbox, newest first (masked numbers). */
export function smsOutboxQueryOptions(page: number, status: string) {
  return queryOptions({
    queryKey: ['sms', 'outbox', page, status] as const,
    queryFn: ({ signal }) =>
      apiClient.get<SmsList>('/api/sms', {
        query: { page, pageSize: 50, status: status || undefined },
        signal,
      }),
    refetchInterval: 5_000,
  });
}

export function useSmsOutbox(page: number, status: string) {
  return useQuery({ ...smsOutboxQueryOptions(page, status), placeholderData: keepPreviousData });
}
