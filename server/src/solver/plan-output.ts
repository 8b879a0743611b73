import type { Solution } from './solution';
import type { VrpPlan, VrpProblem, VrpRoute, VrpStop } from './types';
import type { VrpModel } from './vrp-model';

/**
 * Turns a solution into the public plan. Times are the earliest schedule: leave at shift
 * start, wait on arrival before a window opens.
 */
export function toPlan(
  problem: VrpProblem,
  m: VrpModel,
  s: Solution,
  iterations: number,
  elapsedMs: number,
): VrpPlan {
  const routes: VrpRoute[] = [];
  let totalDistance = 0;
  for (const r of s.routes) {
    if (r.nodes.length <= 2) continue;
    const veh = problem.vehicles[r.vehicle]!;
    const stops: VrpStop[] = [];
    let prevLoc = veh.startIndex;
    let t = veh.shiftStart;
    let distance = 0;
    let load = 0;
    for (let i = 1; i < r.nodes.length - 1; i++) {
      const job = problem.jobs[r.nodes[i]!]!;
      const arrival = t + problem.time[prevLoc]![job.index]!;
      const start = Math.max(arrival, job.earliest);
      const departure = start + job.serviceTime;
      stops.push({ jobId: job.id, arrival, start, departure });
      distance += problem.distance[prevLoc]![job.index]!;
      load += job.size;
      t = departure;
      prevLoc = job.index;
    }
    distance += problem.distance[prevLoc]![veh.endIndex]!;
    const end = t + problem.time[prevLoc]![veh.endIndex]!;
    totalDistance += distance;
    routes.push({ vehicleId: veh.id, stops, distance, load, end });
  }
  const unassigned: VrpPlan['unassigned'] = [];
  for (let j = 0; j < m.nJobs; j++) {
    if (s.routeOf[j]! >= 0) continue;
    unassigned.push({ jobId: problem.jobs[j]!.id, reason: m.intrinsic[j] ?? 'no_room' });
  }
  return { routes, unassigned, totalDistance, iterations, elapsedMs };
}
