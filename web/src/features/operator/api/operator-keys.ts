import { queryOptions } from '@tanstack/react-query';

/** What the operator's list of today's calls asks `GET /api/calls`. */
export type CallListParams = { from: string; to: string; pageSize: number };
/** What the callbacks panel asks `GET /api/calls/callbacks`. */
export type CallbackListParams = { scope: 'mine'; status: 'open' };

/**
 * Query keys of the operator console. Each key carries every parameter that changes the
 * answer; mutations invalidate through the prefixes (`calls.lists()`, `callbacks.all()`), never
 * through string literals.
 */
export const operatorKeys = {
  calls: {
    all: ['calls'] as const,
    lists: () => [...operatorKeys.calls.all, 'list'] as const,
    list: (params: CallListParams) => [...operatorKeys.calls.lists(), params] as const,
    detail: (id: string) => [...operatorKeys.calls.all, 'detail', id] as const,
  },
  callbacks: {
    all: () => [...operatorKeys.calls.all, 'callbacks'] as const,
    list: (params: CallbackListParams) => [...operatorKeys.callbacks.all(), params] as const,
  },
  citizens: {
    all: ['citizens'] as const,
    byPhone: (phone: string) => [...operatorKeys.citizens.all, 'phone', phone] as const,
    history: (id: string) => [...operatorKeys.citizens.all, 'history', id] as const,
  },
  telephony: {
    screenPop: (callId: string) => ['telephony', 'screen-pop', callId] as const,
  },
};

/**
 * Query options for one record by id that may not be chosen yet (no active call, no known
 * caller): idle until there is an id.
 */
export function byIdQueryOptions<T, K extends readonly unknown[]>(
  id: string | null,
  key: (id: string) => K,
  fetch: (id: string, signal: AbortSignal) => Promise<T>,
) {
  return queryOptions({
    queryKey: key(id ?? 'none'),
    queryFn: ({ signal }) => fetch(id!, signal),
    enabled: id !== null,
  });
}
