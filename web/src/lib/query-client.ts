import { QueryClient } from '@tanstack/react-query';

import { ApiError } from './api-client';

/** Retrying a 4xx cannot help (the request itself is refused); retry only outages, and briefly. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** The one query client of the app. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: shouldRetry },
    mutations: { retry: false },
  },
});
