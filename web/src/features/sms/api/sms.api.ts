import type { SmsList } from '@tannha/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { pollEvery } from '@/lib/polling';

/** One page of the outbox: the page number and the status filter (`''` for every status). */
export type SmsOutboxParams = { page: number; status: string };

/** Rows per outbox page. */
const PAGE_SIZE = 50;

/** Query keys for SMS; everything lives under `['sms']`. */
export const smsKeys = {
  all: ['sms'] as const,
  outboxes: () => [...smsKeys.all, 'outbox'] as const,
  outbox: ({ page, status }: SmsOutboxParams) => [...smsKeys.outboxes(), { page, status }] as const,
};

/** `GET /api/sms`: the outbox, newest first (masked numbers). */
export function getSmsOutbox({ page, status }: SmsOutboxParams, signal?: AbortSignal) {
  return apiClient.get<SmsList>('/api/sms', {
    query: { page, pageSize: PAGE_SIZE, status: status || undefined },
    signal,
  });
}

/** Query options of one outbox page; the outbox refreshes every 5 s while it is on screen. */
export function smsOutboxQueryOptions(page: number, status: string) {
  return queryOptions({
    queryKey: smsKeys.outbox({ page, status }),
    queryFn: ({ signal }) => getSmsOutbox({ page, status }, signal),
    refetchInterval: pollEvery(5_000),
  });
}

/** One outbox page; the previous page stays on screen while the next one loads. */
export function useSmsOutbox(page: number, status: string) {
  return useQuery({ ...smsOutboxQueryOptions(page, status), placeholderData: keepPreviousData });
}
