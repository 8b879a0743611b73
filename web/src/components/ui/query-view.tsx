import type { ReactNode } from 'react';

import { ErrorState, LoadingState } from './feedback';

/** The parts of a React Query result a view needs. */
export type QueryLike<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
};

export type QueryViewProps<T> = {
  query: QueryLike<T>;
  /** Shown instead of `children` when the answer is empty. */
  empty?: ReactNode;
  /** Whether the answer counts as empty; by default, a list (or a list answer's `items`) with nothing in it. */
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
};

/** A list with nothing in it: an empty array, or a list answer (`{ items }`) with no items. */
function isEmptyList(data: unknown): boolean {
  const list = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
  return Array.isArray(list) && list.length === 0;
}

/** Loading, then the error with a retry, then the empty state or the data: one query's view. */
export function QueryView<T>({ query, empty, isEmpty = isEmptyList, children }: QueryViewProps<T>) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  if (empty !== undefined && isEmpty(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
