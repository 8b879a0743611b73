import type {
  AssignJobInput,
  Courier,
  Job,
  JobEvent,
  JobCouriers,
  JobList,
  JobSuggestion,
  ListJobsQuery,
  LocatedJob,
  LocateJobInput,
  TransitionJobInput,
} from '@tannha/shared';
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';

import { apiClient, type QueryParams } from '@/lib/api-client';
import { jobKeys } from '@/lib/queries/jobs';

/** Filters of `GET /api/jobs` as the web sends them (lists joined by commas). */
export type JobFilters = Partial<Omit<ListJobsQuery, 'status' | 'board'>> & {
  status?: string[];
  board?: string[];
};

function toParams(f: JobFilters): QueryParams {
  const { status, board, ...rest } = f;
  return {
    ...(rest as QueryParams),
    status: status?.length ? status.join(',') : undefined,
    board: board?.length ? board.join(',') : undefined,
  };
}

// The key factory is shared web code (operator console, courier app and plans refresh jobs
// too); re-exported so the jobs screens keep one import.
export { jobKeys };

export const getJobs = (f: JobFilters, signal?: AbortSignal) =>
  apiClient.get<JobList>('/api/jobs', { query: toParams(f), signal });
export const getJob = (id: string, signal?: AbortSignal) =>
  apiClient.get<Job>(`/api/jobs/${id}`, { signal });
export const getJobEvents = (id: string, signal?: AbortSignal) =>
  apiClient.get<{ items: JobEvent[] }>(`/api/jobs/${id}/events`, { signal });
export const getLateJobs = (signal?: AbortSignal) =>
  apiClient.get<{ items: Job[] }>('/api/jobs/late', { signal });
export const getSuggestions = (id: string, signal?: AbortSignal) =>
  apiClient.get<{ items: JobSuggestion[] }>(`/api/jobs/${id}/suggestions`, { signal });
export const getCouriers = (signal?: AbortSignal) =>
  apiClient.get<{ items: Courier[] }>('/api/couriers', { signal });

export const jobsQueryOptions = (f: JobFilters) =>
  queryOptions({ queryKey: jobKeys.list(f), queryFn: ({ signal }) => getJobs(f, signal) });
export const jobQueryOptions = (id: string) =>
  queryOptions({ queryKey: jobKeys.detail(id), queryFn: ({ signal }) => getJob(id, signal) });
export const jobEventsQueryOptions = (id: string) =>
  queryOptions({ queryKey: jobKeys.events(id), queryFn: ({ signal }) => getJobEvents(id, signal) });
export const lateJobsQueryOptions = () =>
  queryOptions({ queryKey: jobKeys.late(), queryFn: ({ signal }) => getLateJobs(signal) });
export const suggestionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jobKeys.suggestions(id),
    queryFn: ({ signal }) => getSuggestions(id, signal),
  });
export const jobCouriersQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jobKeys.jobCouriers(id),
    queryFn: ({ signal }) => apiClient.get<JobCouriers>(`/api/jobs/${id}/couriers`, { signal }),
  });
export const couriersQueryOptions = () =>
  queryOptions({ queryKey: jobKeys.couriers(), queryFn: ({ signal }) => getCouriers(signal) });

/** A list of jobs (`GET /api/jobs`). */
export const useJobs = (f: JobFilters) => useQuery(jobsQueryOptions(f));
/** One job. */
export const useJob = (id: string | undefined) =>
  useQuery({ ...jobQueryOptions(id ?? ''), enabled: Boolean(id) });
/** A job's timeline. */
export const useJobEvents = (id: string | undefined) =>
  useQuery({ ...jobEventsQueryOptions(id ?? ''), enabled: Boolean(id) });
/** The late list. */
export const useLateJobs = () => useQuery(lateJobsQueryOptions());
/** Couriers suggested for a job. */
export const useSuggestions = (id: string | undefined) =>
  useQuery({ ...suggestionsQueryOptions(id ?? ''), enabled: Boolean(id) });
/** The couriers a job can be given to (its unit and below), and how many others are left out. */
export const useJobCouriers = (id: string) => useQuery(jobCouriersQueryOptions(id));
/** Couriers of the caller's units with position and load. */
export const useCouriers = () => useQuery(couriersQueryOptions());

function refreshJobs(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: jobKeys.all });
  void qc.invalidateQueries({ queryKey: jobKeys.couriers() });
}

/** Assign, reassign or unassign a job. */
export function useAssignJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, ...body }: AssignJobInput & { jobId: string }) =>
      apiClient.post<Job>(`/api/jobs/${jobId}/assign`, { body }),
    onSuccess: (job) => {
      qc.setQueryData(jobKeys.detail(job.id), job);
      refreshJobs(qc);
    },
  });
}

/** Pin or correct a job's place; the map, the lists and the "no place yet" list refresh. */
export function useLocateJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, ...body }: LocateJobInput & { jobId: string }) =>
      apiClient.put<LocatedJob>(`/api/jobs/${jobId}/location`, { body }),
    onSuccess: (job) => {
      qc.setQueryData(jobKeys.detail(job.id), job);
      void qc.invalidateQueries({ queryKey: jobKeys.events(job.id) });
      refreshJobs(qc);
    },
  });
}

/** Move a job along its lifecycle; each call carries a fresh Idempotency-Key so a retry of the same press is safe. */
export function useTransitionJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      jobId,
      idempotencyKey,
      ...body
    }: TransitionJobInput & { jobId: string; idempotencyKey?: string }) =>
      apiClient.post<{ job: Job; event: JobEvent }>(`/api/jobs/${jobId}/transitions`, {
        body,
        headers: { 'Idempotency-Key': idempotencyKey ?? crypto.randomUUID() },
      }),
    onSuccess: ({ job }) => {
      qc.setQueryData(jobKeys.detail(job.id), job);
      refreshJobs(qc);
    },
  });
}
