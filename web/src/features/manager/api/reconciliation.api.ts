import type { CashHandover, CourierShiftCash, CreateCashHandoverInput } from '@tannha/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

import { managerKeys } from './manager-keys';

/** `GET /api/reconciliation/shifts`: each courier's cash for a shift as the ledger has it. */
export function shiftCashQueryOptions(date: string, unitId: string | undefined) {
  return queryOptions({
    queryKey: managerKeys.shifts(date, unitId),
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: CourierShiftCash[] }>('/api/reconciliation/shifts', {
          query: { date, unitId },
          signal,
        })
      ).items,
  });
}

export function useShiftCash(date: string, unitId: string | undefined) {
  return useQuery(shiftCashQueryOptions(date, unitId));
}

/** `GET /api/reconciliation/handovers`: counts recorded for shifts in a range. */
export function handoversQueryOptions(from: string, to: string, unitId: string | undefined) {
  return queryOptions({
    queryKey: managerKeys.handovers(from, to, unitId),
    queryFn: async ({ signal }) =>
      (
        await apiClient.get<{ items: CashHandover[] }>('/api/reconciliation/handovers', {
          query: { from, to, unitId },
          signal,
        })
      ).items,
  });
}

export function useHandovers(from: string, to: string, unitId: string | undefined) {
  return useQuery(handoversQueryOptions(from, to, unitId));
}

/** `POST /api/reconciliation/handovers`: a manager's count of a courier's cash. */
export function useRecordHandover() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCashHandoverInput) =>
      apiClient.post<CashHandover>('/api/reconciliation/handovers', { body: input }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: managerKeys.reconciliation() });
      void qc.invalidateQueries({ queryKey: managerKeys.summaries() });
    },
  });
}
