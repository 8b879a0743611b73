import type {
  CashTotal,
  Job,
  JobEvent,
  JobList,
  JobMoney,
  Procedure,
  Receipt,
  DossierSlip,
  DeliveryHandoverResult,
} from '@tannha/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';
import { pollEvery } from '@/lib/polling';

import { courierKeys } from './courier-keys';

/** Today's work in the courier's planned order: route order first, then the time window. */
export function sortByPlan(jobs: Job[]): Job[] {
  const big = Number.MAX_SAFE_INTEGER;
  return [...jobs].sort(
    (a, b) =>
      (a.routeOrder ?? big) - (b.routeOrder ?? big) ||
      (a.windowStart ? Date.parse(a.windowStart) : big) -
        (b.windowStart ? Date.parse(b.windowStart) : big) ||
      a.code.localeCompare(b.code),
  );
}

/** `GET /api/jobs?open=true`: the courier's own open jobs (the server filters by courier). */
export function courierJobsQueryOptions() {
  return queryOptions({
    queryKey: courierKeys.jobs(),
    queryFn: async ({ signal }) =>
      sortByPlan(
        (
          await apiClient.get<JobList>('/api/jobs', {
            query: { open: true, pageSize: 200 },
            signal,
          })
        ).items,
      ),
    refetchInterval: pollEvery(60_000),
  });
}
export const useCourierJobs = () => useQuery(courierJobsQueryOptions());

/**
 * `GET /api/jobs?status=completed,returned`: the courier's finished jobs, newest first (the
 * home screen keeps those finished today in view, so a completed job does not just vanish).
 */
export function courierFinishedQueryOptions() {
  return queryOptions({
    queryKey: courierKeys.finished(),
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<JobList>('/api/jobs', {
          query: { status: 'completed,returned', sort: 'recent', pageSize: 50 },
          signal,
        })
      ).items,
    refetchInterval: 60_000,
  });
}
export const useCourierFinished = () => useQuery(courierFinishedQueryOptions());

export function courierJobQueryOptions(id: string) {
  return queryOptions({
    queryKey: courierKeys.job(id),
    queryFn: async ({ signal }) => {
      const r = await apiClient.get<Job | { job: Job }>(`/api/jobs/${id}`, { signal });
      return 'job' in r ? r.job : r;
    },
  });
}
export const useCourierJob = (id: string) => useQuery(courierJobQueryOptions(id));

export function jobEventsQueryOptions(id: string) {
  return queryOptions({
    queryKey: courierKeys.events(id),
    queryFn: async ({ signal }) => {
      const r = await apiClient.get<JobEvent[] | { items: JobEvent[] }>(`/api/jobs/${id}/events`, {
        signal,
      });
      return Array.isArray(r) ? r : r.items;
    },
  });
}
export const useJobEvents = (id: string) => useQuery(jobEventsQueryOptions(id));

export function jobMoneyQueryOptions(id: string) {
  return queryOptions({
    queryKey: courierKeys.money(id),
    queryFn: ({ signal }) => apiClient.get<JobMoney>(`/api/jobs/${id}/payments`, { signal }),
  });
}
export const useJobMoney = (id: string) => useQuery(jobMoneyQueryOptions(id));

export function jobPapersQueryOptions(id: string) {
  return queryOptions({
    queryKey: courierKeys.papers(id),
    queryFn: ({ signal }) =>
      apiClient.get<{ slip: DossierSlip | null; delivery: DeliveryHandoverResult | null }>(
        `/api/jobs/${id}/papers`,
        { signal },
      ),
  });
}
export const useJobPapers = (id: string) => useQuery(jobPapersQueryOptions(id));

export function cashQueryOptions() {
  return queryOptions({
    queryKey: courierKeys.cash(),
    queryFn: ({ signal }) => apiClient.get<CashTotal>('/api/couriers/me/cash', { signal }),
  });
}
export const useCash = () => useQuery(cashQueryOptions());

/** The procedure's published list of papers (for the pickup checklist). */
export function procedurePapersQueryOptions(code: string | undefined) {
  return queryOptions({
    queryKey: courierKeys.procedurePapers(code),
    queryFn: async ({ signal }) => {
      const { items } = await apiClient.get<{ items: Procedure[] }>('/api/procedures', {
        query: { q: code, limit: 5 },
        signal,
      });
      return items.find((p) => p.code === code)?.requiredPapers ?? [];
    },
    enabled: !!code,
    staleTime: 30 * 60_000,
  });
}
export const useProcedurePapers = (code: string | undefined) =>
  useQuery(procedurePapersQueryOptions(code));

export function receiptQueryOptions(id: string) {
  return queryOptions({
    queryKey: courierKeys.receipt(id),
    queryFn: ({ signal }) => apiClient.get<Receipt>(`/api/receipts/${id}`, { signal }),
  });
}
export const useReceipt = (id: string) => useQuery(receiptQueryOptions(id));
