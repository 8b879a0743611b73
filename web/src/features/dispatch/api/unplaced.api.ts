import type { UnplacedJobList } from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { jobKeys } from '@/lib/queries/jobs';

/** `GET /api/jobs/unplaced`: open jobs of the caller's units with no position, oldest first. */
export const getUnplacedJobs = async (unitId: string | undefined, signal?: AbortSignal) =>
  (
    await apiClient.get<UnplacedJobList>('/api/jobs/unplaced', {
      query: { unitId },
      signal,
    })
  ).items;

/** Query options of the "no place yet" list (kept fresh by the live job updates). */
export const unplacedJobsQueryOptions = (unitId?: string) =>
  queryOptions({
    queryKey: jobKeys.unplaced(unitId),
    queryFn: ({ signal }) => getUnplacedJobs(unitId, signal),
  });

/** Open jobs waiting for a pin. */
export const useUnplacedJobs = (unitId?: string) => useQuery(unplacedJobsQueryOptions(unitId));
