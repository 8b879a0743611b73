/** Solver plans back into stored routes, and stored routes back into solver plans. */
import { retimeRoute, solveInWorker, type VrpPlan, type VrpVehicle } from '../../solver';
import type { BuiltProblem, PlanContext, StoredRoute, StoredUnassigned } from './plans.problem';

/**
 * Solves the day on a worker thread. A job that may go to only some couriers of its group and
 * landed elsewhere is taken out again (reason `no_room`) and its route re-timed.
 */
export async function solveDay(
  built: BuiltProblem,
  opts: { budgetMs: number; signal?: AbortSignal | undefined },
): Promise<{ plan: VrpPlan; elapsedMs: number }> {
  const started = performance.now();
  const empty: VrpPlan = {
    routes: [],
    unassigned: [],
    totalDistance: 0,
    iterations: 0,
    elapsedMs: 0,
  };
  const answer =
    built.context.problem.jobs.length === 0
      ? empty
      : await solveInWorker(
          built.context.problem,
          { timeBudgetMs: opts.budgetMs, seed: 1, fixedPrefix: built.fixedPrefix },
          { signal: opts.signal },
        );
  const merged: VrpPlan = { ...answer, routes: [], unassigned: [...answer.unassigned] };
  for (const r of answer.routes) {
    const bad = r.stops.filter(
      (s) =>
        built.context.eligible[s.jobId] && !built.context.eligible[s.jobId]!.includes(r.vehicleId),
    );
    if (bad.length === 0) {
      merged.routes.push(r);
      continue;
    }
    for (const s of bad) merged.unassigned.push({ jobId: s.jobId, reason: 'no_room' });
    const keep = r.stops.filter((s) => !bad.includes(s)).map((s) => s.jobId);
    if (keep.length > 0)
      merged.routes.push(retimeRoute(built.context.problem, r.vehicleId, keep).route);
  }
  merged.totalDistance = merged.routes.reduce((s, r) => s + r.distance, 0);
  return { plan: merged, elapsedMs: performance.now() - started };
}

/** Stored routes for every courier of the plan (an empty one for couriers with no stops). */
export function toStoredRoutes(ctx: PlanContext, plan: VrpPlan): StoredRoute[] {
  return ctx.couriers.map((c) => {
    const r = plan.routes.find((x) => x.vehicleId === c.id);
    if (r)
      return {
        courierId: c.id,
        jobIds: r.stops.map((s) => s.jobId),
        stops: r.stops,
        distance: r.distance,
        load: r.load,
        end: r.end,
        violations: [],
      };
    return retime(ctx, c.id, []);
  });
}

/** Re-times a courier's stops in the given order and flags what the order breaks. */
export function retime(ctx: PlanContext, courierId: string, jobIds: string[]): StoredRoute {
  const r = retimeRoute(ctx.problem, courierId, jobIds);
  return {
    courierId,
    jobIds,
    stops: r.route.stops,
    distance: r.route.distance,
    load: r.route.load,
    end: jobIds.length === 0 ? vehicleOf(ctx, courierId).shiftStart : r.route.end,
    violations: r.violations,
  };
}

export function vehicleOf(ctx: PlanContext, courierId: string): VrpVehicle {
  return ctx.problem.vehicles.find((v) => v.id === courierId)!;
}

/** The stored routes as a solver plan (for the independent validator). */
export function toVrpPlan(
  routes: StoredRoute[],
  unassigned: StoredUnassigned[],
  inProblem: Set<string>,
): VrpPlan {
  const used = routes.filter((r) => r.jobIds.length > 0);
  return {
    routes: used.map((r) => ({
      vehicleId: r.courierId,
      stops: r.stops,
      distance: r.distance,
      load: r.load,
      end: r.end,
    })),
    unassigned: unassigned
      .filter((u) => inProblem.has(u.jobId))
      .map((u) => ({
        jobId: u.jobId,
        reason: u.reason === 'removed_by_dispatcher' ? 'no_room' : (u.reason as 'no_room'),
      })),
    totalDistance: used.reduce((s, r) => s + r.distance, 0),
    iterations: 0,
    elapsedMs: 0,
  };
}
