/**
 * Route planning's public face: propose a unit's day (`create-plan.ts`), edit the order
 * (`edit-plan.ts`), commit it through the job engine (`commit-plan.ts`).
 */
import type { Plan } from '@tannha/shared';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { planInScope } from './plan-access';
import { presentPlan } from './plans.presenter';
import type { PlanContext, StoredRoute, StoredUnassigned } from './plans.problem';
import { toVrpPlan } from './plans.solution';
import type * as repo from './plans.repository';

export { createPlan, type CreatePlanOptions } from './create-plan';
export { updatePlanRoutes } from './edit-plan';
export { commitPlan, type CommitResult } from './commit-plan';
export {
  DEFAULT_COURIER_CAPACITY,
  DEFAULT_PLAN_SHIFT,
  DEFAULT_SERVICE_MINUTES,
} from './plan-settings';

export { alreadyCommitted, PLAN, planInScope } from './plan-access';

export async function getPlan(db: Db, auth: AuthContext, id: string): Promise<Plan> {
  return presentPlan(await planInScope(db, auth, id));
}

/** The stored plan as the validator sees it (tests and diagnostics). */
export function storedPlanForValidation(row: repo.PlanRow) {
  const ctx = row.context as PlanContext;
  return {
    problem: ctx.problem,
    plan: toVrpPlan(
      row.routes as StoredRoute[],
      row.unassigned as StoredUnassigned[],
      new Set(ctx.problem.jobs.map((j) => j.id)),
    ),
  };
}
