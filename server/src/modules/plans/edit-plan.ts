import { unprocessable } from '../../lib/errors';
import type { UpdatePlanInput, Plan } from '@tannha/shared';
import type { Db } from '../../db/client';
import type { AuthContext } from '../../lib/http';
import { presentPlan } from './plans.presenter';
import {
  couriersForJob,
  type PlanContext,
  type StoredRoute,
  type StoredUnassigned,
} from './plans.problem';
import { retime } from './plans.solution';
import * as repo from './plans.repository';
import { alreadyCommitted, planInScope } from './plan-access';

const bad = (code: string, vi: string, en: string) =>
  unprocessable(code, { vi, en }, { routes: { vi, en } });

/** Refuses unknown couriers or jobs, a job twice, a job given to a courier outside its unit. */
function checkListedRoutes(ctx: PlanContext, input: UpdatePlanInput): void {
  const inProblem = new Set(ctx.problem.jobs.map((j) => j.id));
  const code = (jobId: string) => ctx.jobs[jobId]?.code ?? jobId;
  const notEligible = (jobId: string) =>
    bad(
      'plan_courier_not_eligible',
      `Việc ${code(jobId)} chỉ giao được cho bưu tá của đơn vị mình.`,
      `Job ${code(jobId)} can only go to a courier of its own unit.`,
    );
  const seen = new Set<string>();
  for (const r of input.routes) {
    if (!ctx.couriers.some((c) => c.id === r.courierId)) {
      throw bad(
        'plan_courier_unknown',
        'Bưu tá này không có trong lộ trình. Hãy tải lại lộ trình.',
        'This courier is not part of the plan. Reload the plan.',
      );
    }
    for (const jobId of r.jobIds) {
      if (!inProblem.has(jobId)) {
        throw bad(
          'plan_job_unknown',
          `Việc ${code(jobId)} không thể xếp vào lộ trình này (không có trong kế hoạch hoặc chưa có tọa độ).`,
          `Job ${code(jobId)} cannot be placed in this plan (not part of it, or it has no coordinates).`,
        );
      }
      if (seen.has(jobId))
        throw bad(
          'plan_job_twice',
          `Việc ${code(jobId)} xuất hiện hai lần. Mỗi việc chỉ thuộc một lộ trình.`,
          `Job ${code(jobId)} appears twice. Each job belongs to one route.`,
        );
      seen.add(jobId);
      // A stop under way that moves is refused by checkFixedStops, with its own message.
      const fixedOwner = Object.entries(ctx.fixed).find(([, ids]) => ids.includes(jobId))?.[0];
      if (!fixedOwner && !couriersForJob(ctx, jobId).includes(r.courierId))
        throw notEligible(jobId);
    }
  }
}

/** Stops already under way stay first, in their order, with their courier. */
function checkFixedStops(ctx: PlanContext, next: string[][]): void {
  ctx.couriers.forEach((c, i) => {
    const want = ctx.fixed[c.id] ?? [];
    const head = next[i]!.slice(0, want.length);
    const elsewhere = next.some((ids, k) => k !== i && ids.some((x) => want.includes(x)));
    if (elsewhere || want.some((x, k) => head[k] !== x)) {
      throw bad(
        'plan_fixed_stop_moved',
        `Việc đang thực hiện của ${c.fullName} phải giữ nguyên ở đầu lộ trình của bưu tá này.`,
        `Jobs ${c.fullName} has already started must stay at the head of their route.`,
      );
    }
  });
}

/**
 * The dispatcher's own order: each listed courier's stops are replaced by `jobIds` in that
 * order and re-timed; couriers not listed keep theirs. A job left out of every route becomes
 * unassigned (`removed_by_dispatcher`). What the order breaks — a start after the window,
 * the load over capacity, the return after the shift — is flagged per stop, not refused.
 * Refused (422): unknown couriers or jobs, a job twice, a stop already under way moved off the
 * head of its courier's route, a job given to a courier outside its unit.
 */
export async function updatePlanRoutes(
  db: Db,
  auth: AuthContext,
  id: string,
  input: UpdatePlanInput,
): Promise<Plan> {
  const row = await planInScope(db, auth, id, 'plans.update');
  if (row.status !== 'proposed') throw alreadyCommitted(row);
  const ctx = row.context as PlanContext;
  const current = row.routes as StoredRoute[];
  checkListedRoutes(ctx, input);
  const listed = new Map(input.routes.map((r) => [r.courierId, r.jobIds]));
  const next = current.map((r) => (listed.has(r.courierId) ? listed.get(r.courierId)! : r.jobIds));
  checkFixedStops(ctx, next);
  const routes = ctx.couriers.map((c, i) => retime(ctx, c.id, next[i]!));
  const placed = new Set(routes.flatMap((r) => r.jobIds));
  const was = row.unassigned as StoredUnassigned[];
  const unassigned: StoredUnassigned[] = [
    ...was.filter((u) => !placed.has(u.jobId)),
    ...current
      .flatMap((r) => r.jobIds)
      .filter((j) => !placed.has(j))
      .map((jobId) => ({ jobId, reason: 'removed_by_dispatcher' as const })),
  ];
  await repo.updatePlan(db, row.id, { routes, unassigned });
  return presentPlan({ ...row, routes, unassigned });
}
