import type { ReportSummary } from '@tannha/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export type ReportRange = { from: string; to: string; unitId?: string | undefined };

/** `GET /api/reports/summary`: the dashboard's figures for a unit (with sub-units) and a date range. */
export function getReportSummary(range: ReportRange, signal?: AbortSignal): Promise<ReportSummary> {
  return apiClient.get<ReportSummary>('/api/reports/summary', { query: range, signal });
}

export function reportSummaryQueryOptions(range: ReportRange) {
  return queryOptions({
    queryKey: ['reports', 'summary', range] as const,
    queryFn: ({ signal }) => getReportSummary(range, signal),
    // Live while the dashboard is open: figures refresh every half minute and on focus.
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}

export function useReportSummary(range: ReportRange) {
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
