import type { ReportSummary } from '@tannha/shared';
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { apiClient } from '@/lib/api-client';
import { onJobChanged, onResyncNeeded } from '@/lib/socket';
import { pollEvery } from '@/lib/polling';

import { managerKeys } from './manager-keys';

export type ReportRange = { from: string; to: string; unitId?: string | undefined };

/** `GET /api/reports/summary`: the dashboard's figures for a unit (with sub-units) and a date range. */
export function getReportSummary(range: ReportRange, signal?: AbortSignal): Promise<ReportSummary> {
  return apiClient.get<ReportSummary>('/api/reports/summary', { query: range, signal });
}

export function reportSummaryQueryOptions(range: ReportRange) {
  return queryOptions({
    queryKey: managerKeys.summary(range),
    queryFn: ({ signal }) => getReportSummary(range, signal),
    // Job changes arrive over the socket (useLiveReportSummary); calls and money that move
    // no job are picked up by this slower poll and on focus.
    refetchInterval: pollEvery(60_000),
    placeholderData: keepPreviousData,
  });
}

/** How long job changes are gathered before the figures are asked for again. */
const LIVE_DEBOUNCE_MS = 1_500;

/**
 * The dashboard's figures, live while open: every job change the manager may see (pushed
 * over the socket, or caught up after a reconnect) refreshes them, at most once per
 * {@link LIVE_DEBOUNCE_MS} however busy the province is.
 */
export function useReportSummary(range: ReportRange) {
  const qc = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void qc.invalidateQueries({ queryKey: managerKeys.summaries() });
      }, LIVE_DEBOUNCE_MS);
    };
    const offJob = onJobChanged(refresh);
    const offResync = onResyncNeeded(refresh);
    return () => {
      offJob();
      offResync();
      if (timer) clearTimeout(timer);
    };
  }, [qc]);
  return useQuery(reportSummaryQueryOptions(range));
}

/** The download URL of an export with the same filters as the screen. */
export function exportUrl(
  kind: 'calls' | 'jobs' | 'payments',
  format: 'csv' | 'xlsx',
  range: ReportRange,
): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  if (range.unitId) params.set('unitId', range.unitId);
  return `/api/exports/${kind}.${format}?${params.toString()}`;
}
