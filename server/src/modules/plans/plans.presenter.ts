import type { Plan, PlanRoute, PlanStop, PlanUnassigned, PlanViolation } from '@tannha/shared';
import type { PlanRow } from './plans.repository';
import {
  couriersForJob,
  type PlanContext,
  type StoredRoute,
  type StoredUnassigned,
} from './plans.problem';
import { vehicleOf } from './plans.solution';

/** API shape of a plan: solver seconds become ISO instants, jobs get their code and address. */
export function presentPlan(row: PlanRow): Plan {
  const ctx = row.context as PlanContext;
  const stored = row.routes as StoredRoute[];
  const unassigned = row.unassigned as StoredUnassigned[];
  const at = (s: number) => new Date(ctx.dayStartMs + Math.round(s) * 1000).toISOString();
  const fixed = new Set(Object.values(ctx.fixed).flat());

  const routes: PlanRoute[] = stored.map((r) => {
    const c = ctx.couriers.find((x) => x.id === r.courierId)!;
    const veh = vehicleOf(ctx, r.courierId);
    const stops: PlanStop[] = r.stops.map((s) => {
      const j = ctx.jobs[s.jobId]!;
      const violations = r.violations
        .filter((v) => v.jobId === s.jobId)
        .map((v) => v.kind as PlanViolation);
      return {
        jobId: s.jobId,
        code: j.code,
        type: j.type,
        status: j.status,
        addressText: j.addressText,
        lat: j.lat!,
        lng: j.lng!,
        windowStart: j.windowStart,
        windowEnd: j.windowEnd,
        arrival: at(s.arrival),
        start: at(s.start),
        departure: at(s.departure),
        fixed: fixed.has(s.jobId),
        violations,
        courierIds: fixed.has(s.jobId) ? [r.courierId] : couriersForJob(ctx, s.jobId),
      };
    });
    return {
      courierId: c.id,
      courierName: c.fullName,
      unitName: c.unitName,
      start: c.start,
      end: c.end,
      departAt: at(veh.shiftStart),
      endAt: at(r.end),
      distanceM: Math.round(r.distance),
      load: r.load,
      capacity: veh.capacity,
      stops,
    };
  });

  const out: PlanUnassigned[] = unassigned.map((u) => {
    const j = ctx.jobs[u.jobId]!;
    return {
      jobId: u.jobId,
      code: j.code,
      type: j.type,
      addressText: j.addressText,
      windowStart: j.windowStart,
      windowEnd: j.windowEnd,
      reason: u.reason,
      courierIds: couriersForJob(ctx, u.jobId),
    };
  });

  return {
    id: row.id,
    unitId: row.unitId,
    date: row.date,
    status: row.status as Plan['status'],
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    routes,
    unassigned: out,
    totals: {
      stops: routes.reduce((s, r) => s + r.stops.length, 0),
      couriers: routes.filter((r) => r.stops.length > 0).length,
      distanceM: routes.reduce((s, r) => s + r.distanceM, 0),
      violations: stored.reduce((s, r) => s + r.violations.length, 0),
    },
    solveMs: row.solveMs,
    distanceSource: ctx.distanceSource,
  };
}
