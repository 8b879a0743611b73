import type { ReportRange } from './get-report-summary.api';

/** Query keys of the manager's screens, in one place; mutations invalidate through them. */
export const managerKeys = {
  reports: () => ['reports'] as const,
  summaries: () => ['reports', 'summary'] as const,
  summary: (range: ReportRange) => ['reports', 'summary', range] as const,
  reconciliation: () => ['reconciliation'] as const,
  shifts: (date: string, unitId: string | undefined) =>
    ['reconciliation', 'shifts', date, unitId ?? null] as const,
  handovers: (from: string, to: string, unitId: string | undefined) =>
    ['reconciliation', 'handovers', from, to, unitId ?? null] as const,
};
