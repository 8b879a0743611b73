import type { CreatePlanInput, Plan, UpdatePlanInput } from '@tannha/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** Query keys of the plans feature, in one place. */
export const planKeys = {
  all: ['plans'] as const,
  plan: (id: string) => ['plans', id] as const,
};

/**
 * The dispatch screen's lists that a committed plan makes stale (assignments, stop numbers,
 * couriers' load). Another feature's prefixes, named once here: features may not import each other.
 */
const DISPATCH_LISTS = [['jobs'], ['couriers']] as const;

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
    onSuccess: (plan) => qc.setQueryData(planKeys.plan(plan.id), plan),
  });
}

export function useUpdatePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdatePlanInput }) => updatePlan(id, input),
    onSuccess: (plan) => qc.setQueryData(planKeys.plan(plan.id), plan),
  });
}

export function useCommitPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, key }: { id: string; key: string }) => commitPlan(id, key),
    onSuccess: async (plan) => {
      qc.setQueryData(planKeys.plan(plan.id), plan);
      // Assignments and stop numbers changed: the dispatch lists refetch.
      for (const queryKey of DISPATCH_LISTS) await qc.invalidateQueries({ queryKey });
    },
  });
}
