import type { VrpProblem, VrpRoute, VrpStop } from './types';

export type RetimeViolationKind = 'late' | 'capacity' | 'shift';

export interface RetimeResult {
  route: VrpRoute;
  violations: { jobId: string; kind: RetimeViolationKind }[];
}

/**
 * Schedules stops in exactly the order a dispatcher chose, earliest times first (leave at
 * shift start, wait for windows to open), and flags what the order breaks instead of
 * refusing it: a stop started after its window (`late`), the stop at which the load first
 * exceeds capacity (`capacity`), and the last stop when the return is after the shift (`shift`).
 * Throws on an unknown vehicle or job id, or a job listed twice — those are input errors.
 */
export function retimeRoute(
  problem: VrpProblem,
  vehicleId: string,
  jobIds: string[],
): RetimeResult {
  const veh = problem.vehicles.find((v) => v.id === vehicleId);
  if (!veh) throw new Error(`unknown vehicle ${vehicleId}`);
  const byId = new Map(problem.jobs.map((j) => [j.id, j]));
  const seen = new Set<string>();
  const violations: RetimeResult['violations'] = [];
  const stops: VrpStop[] = [];
  let place = veh.startIndex;
  let clock = veh.shiftStart;
  let load = 0;
  let distance = 0;
  let overloaded = false;
  for (const id of jobIds) {
    const job = byId.get(id);
    if (!job) throw new Error(`unknown job ${id}`);
    if (seen.has(id)) throw new Error(`job ${id} listed twice`);
    seen.add(id);
    const arrival = clock + problem.time[place]![job.index]!;
    const start = Math.max(arrival, job.earliest);
    const departure = start + job.serviceTime;
    stops.push({ jobId: id, arrival, start, departure });
    if (start > job.latest) violations.push({ jobId: id, kind: 'late' });
    load += job.size;
    if (!overloaded && load > veh.capacity) {
      overloaded = true;
      violations.push({ jobId: id, kind: 'capacity' });
    }
    distance += problem.distance[place]![job.index]!;
    clock = departure;
    place = job.index;
  }
  distance += problem.distance[place]![veh.endIndex]!;
  const end = clock + problem.time[place]![veh.endIndex]!;
  const last = stops[stops.length - 1];
  if (end > veh.shiftEnd && last) violations.push({ jobId: last.jobId, kind: 'shift' });
  return { route: { vehicleId, stops, distance, load, end }, violations };
}
