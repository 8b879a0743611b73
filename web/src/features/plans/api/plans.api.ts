import type { CreatePlanInput, Plan, UpdatePlanInput } from '@tannha/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

export const planKey = (id: string) => ['plans', id] as const;

/** `POST /api/units/:id/plans`: solve the day (takes the search budget, ~2 s, plus a moment). */
export function createPlan(unitId: string, input: CreatePlanInput): Promise<Plan> {
  return apiClient.post<Plan>(`/api/units/${unitId}/plans`, { body: input });
}

/** `PATCH /api/plans/:id`: the dispatcher's own order, re-timed with broken windows flagged. */
export function updatePlan(id: string, input: UpdatePlanInput): Promise<Plan> {
  return apiClient.patch<Plan>(`/api/plans/${id}`, { body: input });
}

/** `POST /api/plans/:id/commit`: one key per plan, so a retry after a lost answer does nothing twice. */
export function commitPlan(id: string, idempotencyKey: string): Promise<Plan> {
  return apiClient.post<Plan>(`/api/plans/${id}/commit`, {
    body: {},
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreatePlan(unitId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePlanInput) => createPlan(unitId!, input),
    onSuccess: (plan) => qc.setQueryData(planKey(plan.id), plan),
  });
}

export function useUpdatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdatePlanInput }) => updatePlan(id, input),
    onSuccess: (plan) => qc.setQueryData(planKey(plan.id), plan),
  });
}

export function useCommitPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, key }: { id: string; key: string }) => commitPlan(id, key),
    onSuccess: async (plan) => {
      qc.setQueryData(planKey(plan.id), plan);
      // Assignments and stop numbers changed: the dispatch lists refetch.
      await qc.invalidateQueries({ queryKey: ['jobs'] });
      await qc.invalidateQueries({ queryKey: ['couriers'] });
    },
  });
}
