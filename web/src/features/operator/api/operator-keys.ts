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
