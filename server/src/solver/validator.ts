/**
 * Independent checks of a plan. Deliberately shares no code with the solver's feasibility
 * logic (no schedule summaries, no compiled model): it walks each route from scratch, so a
 * bug in the solver's shortcuts shows up here as a violation instead of being repeated.
 */
import type { VrpPlan, VrpProblem } from './types';
import type { VrplibInstance } from './vrplib';

export interface ValidationResult {
  valid: boolean;
  violations: string[];
}

const REASONS = new Set([
  'time_window_unreachable',
  'over_capacity',
  'no_eligible_vehicle',
  'no_room',
]);

const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
const atMost = (a: number, b: number): boolean => a <= b + 1e-6 * Math.max(1, Math.abs(b));

/**
 * Checks that a plan keeps every rule of the problem: each job served at most once and
 * otherwise reported unassigned, vehicles used once, must-vehicle jobs on their vehicle, loads
 * within capacity, reported times consistent with travel and service, every start inside its
 * window, every return within the shift, and the reported distances equal to the matrix sums.
 */
export function validatePlan(problem: VrpProblem, plan: VrpPlan): ValidationResult {
  const violations: string[] = [];
  const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const seen = new Map<string, string>();
  const usedVehicles = new Set<string>();
  let total = 0;

  for (const route of plan.routes) {
    const veh = vehicles.get(route.vehicleId);
    if (!veh) {
      violations.push(`route for unknown vehicle ${route.vehicleId}`);
      continue;
    }
    if (usedVehicles.has(veh.id)) violations.push(`vehicle ${veh.id} has two routes`);
    usedVehicles.add(veh.id);
    if (route.stops.length === 0)
      violations.push(`vehicle ${veh.id} has an empty route in the plan`);

    let place = veh.startIndex;
    let clock = veh.shiftStart;
    let load = 0;
    let distance = 0;
    for (const stop of route.stops) {
      const job = jobs.get(stop.jobId);
      if (!job) {
        violations.push(`vehicle ${veh.id} visits unknown job ${stop.jobId}`);
        continue;
      }
      if (seen.has(job.id)) violations.push(`job ${job.id} is planned twice`);
      seen.set(job.id, 'route');
      if (job.mustVehicleId != null && job.mustVehicleId !== veh.id) {
        violations.push(`job ${job.id} must go with ${job.mustVehicleId} but is on ${veh.id}`);
      }
      const travel = problem.time[place]![job.index]!;
      distance += problem.distance[place]![job.index]!;
      const earliestArrival = clock + travel;
      if (!atMost(earliestArrival, stop.arrival)) {
        violations.push(
          `job ${job.id}: arrival ${stop.arrival} is before the earliest possible ${earliestArrival}`,
        );
      }
      if (!atMost(stop.arrival, stop.start)) {
        violations.push(
          `job ${job.id}: starts at ${stop.start} before arriving at ${stop.arrival}`,
        );
      }
      if (!atMost(job.earliest, stop.start)) {
        violations.push(
          `job ${job.id}: starts at ${stop.start} before its window opens at ${job.earliest}`,
        );
      }
      if (!atMost(stop.start, job.latest)) {
        violations.push(
          `job ${job.id}: starts at ${stop.start} after its window closes at ${job.latest}`,
        );
      }
      if (!atMost(stop.start + job.serviceTime, stop.departure)) {
        violations.push(`job ${job.id}: leaves at ${stop.departure} before finishing service`);
      }
      load += job.size;
      clock = Math.max(stop.departure, stop.start + job.serviceTime);
      place = job.index;
    }
    distance += problem.distance[place]![veh.endIndex]!;
    const back = clock + problem.time[place]![veh.endIndex]!;
    if (!atMost(back, route.end)) {
      violations.push(
        `vehicle ${veh.id}: reported end ${route.end} is before the earliest return ${back}`,
      );
    }
    if (!atMost(back, veh.shiftEnd)) {
      violations.push(
        `vehicle ${veh.id}: returns at ${back} after its shift ends at ${veh.shiftEnd}`,
      );
    }
    if (!atMost(load, veh.capacity)) {
      violations.push(`vehicle ${veh.id}: load ${load} exceeds capacity ${veh.capacity}`);
    }
    if (!close(load, route.load))
      violations.push(`vehicle ${veh.id}: reported load ${route.load} ≠ ${load}`);
    if (!close(distance, route.distance)) {
      violations.push(`vehicle ${veh.id}: reported distance ${route.distance} ≠ ${distance}`);
    }
    total += distance;
  }

  for (const u of plan.unassigned) {
    if (!jobs.has(u.jobId)) violations.push(`unknown job ${u.jobId} reported unassigned`);
    if (seen.has(u.jobId)) violations.push(`job ${u.jobId} is both planned and unassigned`);
    if (!REASONS.has(u.reason)) violations.push(`job ${u.jobId} has unknown reason ${u.reason}`);
    seen.set(u.jobId, 'unassigned');
  }
  for (const id of jobs.keys()) {
    if (!seen.has(id)) violations.push(`job ${id} is neither planned nor reported unassigned`);
  }
  if (!close(total, plan.totalDistance)) {
    violations.push(`total distance ${plan.totalDistance} ≠ sum of routes ${total}`);
  }
  return { valid: violations.length === 0, violations };
}

export interface VrplibCheck extends ValidationResult {
  /** Total distance in integer tenths (each edge truncated to one decimal). */
  costTenths: number;
  routes: number;
}

/**
 * Checks routes (lists of customer numbers) straight against a VRPLIB instance, recomputing
 * every edge from the coordinates: each customer exactly once, fleet limit, capacity, windows
 * and the depot's closing time, in tenths as the DIMACS convention prescribes.
 */
export function checkVrplibRoutes(inst: VrplibInstance, routes: number[][]): VrplibCheck {
  const violations: string[] = [];
  const edge = (a: number, b: number): number => {
    const [ax, ay] = inst.coords[a]!;
    const [bx, by] = inst.coords[b]!;
    return Math.floor(Math.hypot(ax - bx, ay - by) * 10 + 1e-9);
  };
  const visits = new Array<number>(inst.dimension).fill(0);
  const used = routes.filter((r) => r.length > 0);
  if (inst.vehicles !== null && used.length > inst.vehicles) {
    violations.push(`${used.length} routes exceed the fleet of ${inst.vehicles}`);
  }
  let cost = 0;
  used.forEach((route, k) => {
    let at = inst.depot;
    let clock = inst.timeWindows[inst.depot]![0] * 10;
    let load = 0;
    for (const c of route) {
      if (!Number.isInteger(c) || c < 0 || c >= inst.dimension || c === inst.depot) {
        violations.push(`route ${k + 1}: ${c} is not a customer`);
        continue;
      }
      visits[c]!++;
      cost += edge(at, c);
      const [open, close] = inst.timeWindows[c]!;
      const start = Math.max(clock + edge(at, c), open * 10);
      if (start > close * 10)
        violations.push(`route ${k + 1}: customer ${c} served at ${start / 10} > ${close}`);
      clock = start + inst.serviceTimes[c]! * 10;
      load += inst.demands[c]!;
      at = c;
    }
    cost += edge(at, inst.depot);
    const back = clock + edge(at, inst.depot);
    if (back > inst.timeWindows[inst.depot]![1] * 10) {
      violations.push(`route ${k + 1}: returns at ${back / 10} after the depot closes`);
    }
    if (load > inst.capacity)
      violations.push(`route ${k + 1}: load ${load} > capacity ${inst.capacity}`);
  });
  for (let c = 0; c < inst.dimension; c++) {
    if (c === inst.depot) continue;
    if (visits[c] !== 1) violations.push(`customer ${c} visited ${visits[c]} times`);
  }
  return { valid: violations.length === 0, violations, costTenths: cost, routes: used.length };
}
