import { ApiError } from './api-client';

/** When a poll goes on, besides the errors (see {@link pollEvery}). */
export type PollRules<T> = {
  /** Stop on this answer, e.g. a finished job. */
  keepGoing?: (data: T) => boolean;
  /** Poll only once there is an answer (a look-up that never found anything stays quiet). */
  needsData?: boolean;
};

/** What a poll looks at of a query (any React Query `Query` fits). */
type PolledQuery<T> = { state: { status: string; error: unknown; data: T | undefined } };

/**
 * A `refetchInterval` that polls every `ms` while the answer can still change and asking again
 * can help: it stops after a refusal (4xx: a wrong code, no right, a session gone — asking again
 * gets the same answer), waits as long as the server asks after a 429 or 503, and keeps its
 * pace through outages (a courier's network comes back). React Query already pauses it while
 * the tab is hidden (`refetchIntervalInBackground` stays off).
 */
export function pollEvery<T = unknown>(ms: number, rules: PollRules<T> = {}) {
  return (query: PolledQuery<NoInfer<T>>): number | false => {
    const { error, status, data } = query.state;
    if (status === 'error' && error instanceof ApiError) {
      if (error.retryAfterSeconds) return Math.max(ms, error.retryAfterSeconds * 1000);
      if (error.status >= 400 && error.status < 500) return false;
    }
    if (data === undefined) return rules.needsData ? false : ms;
    return !rules.keepGoing || rules.keepGoing(data) ? ms : false;
  };
}
