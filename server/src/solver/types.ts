/**
 * Public shapes of the route planner's solver. The solver knows nothing of the web or the
 * database: callers translate couriers, visits and a distance matrix into these.
 *
 * Units are the caller's: times and distances only have to agree with the matrices
 * (the server uses seconds and metres; the benchmark uses tenths of a unit).
 */

/** A courier's vehicle: where the shift starts and ends, when, and how much it carries. */
export interface VrpVehicle {
  id: string;
  /** Location index (row/column of the matrices) where the shift starts. */
  startIndex: number;
  /** Location index where the shift ends (may equal startIndex). */
  endIndex: number;
  /** Earliest departure from the start place. */
  shiftStart: number;
  /** Latest arrival at the end place. */
  shiftEnd: number;
  capacity: number;
}

/** A home visit. */
export interface VrpJob {
  id: string;
  /** Location index in the matrices. */
  index: number;
  /** Earliest start of service; arriving earlier means waiting. */
  earliest: number;
  /** Latest START of service. */
  latest: number;
  serviceTime: number;
  size: number;
  /** When set, only this vehicle may serve the job. */
  mustVehicleId?: string | null;
}

export interface VrpProblem {
  vehicles: VrpVehicle[];
  jobs: VrpJob[];
  /** distance[a][b] between location indices. */
  distance: number[][];
  /** time[a][b] travel time between location indices (same indices as distance). */
  time: number[][];
}

export interface VrpStop {
  jobId: string;
  arrival: number;
  start: number;
  departure: number;
}

export interface VrpRoute {
  vehicleId: string;
  stops: VrpStop[];
  distance: number;
  load: number;
  /** Arrival time at the vehicle's end place. */
  end: number;
}

export type UnassignedReason =
  'time_window_unreachable' | 'over_capacity' | 'no_eligible_vehicle' | 'no_room';

export interface VrpPlan {
  /** Only vehicles that serve at least one job. */
  routes: VrpRoute[];
  unassigned: { jobId: string; reason: UnassignedReason }[];
  totalDistance: number;
  iterations: number;
  elapsedMs: number;
}

export interface SolveOptions {
  /** Wall-clock budget for the improvement phase (default 2000 ms when no iteration cap is given). */
  timeBudgetMs?: number;
  /** Stop after this many improvement iterations; with it the output depends only on the seed. */
  maxIterations?: number;
  /** Seed of the pseudo-random generator (default 1). */
  seed?: number;
  /** stops already started keep their vehicle and order prefix */
  fixedPrefix?: Record<string, string[]>;
}
