/**
 * Test helpers for the solver: seeded random instances and an exhaustive optimum for small
 * ones. Not a test file itself (no `.test.ts`), so the runner does not collect it.
 */
import { createRng } from './prng';
import type { VrpJob, VrpProblem, VrpVehicle } from './types';

export interface RandomInstanceOptions {
  jobs: number;
  vehicles: number;
  /** Extra depots besides location 0, so vehicles may start and end in different places. */
  depots?: number;
  /** Probability that a job is tied to one vehicle. */
  mustRate?: number;
  /** Typical window width; small means tight windows. */
  windowWidth?: number;
  /** One-way streets: a→b and b→a differ, and the triangle inequality may fail. */
  asymmetric?: boolean;
}

/**
 * A random instance on a 100×100 grid with integer distances and times (rounded Euclidean),
 * random windows, sizes and service times, and vehicles with their own shifts and capacities.
 */
export function randomInstance(seed: number, o: RandomInstanceOptions): VrpProblem {
  const rng = createRng(seed);
  const depots = 1 + (o.depots ?? 0);
  const points: [number, number][] = [];
  for (let i = 0; i < depots + o.jobs; i++) points.push([rng.int(101), rng.int(101)]);
  const distance = points.map((a) =>
    points.map((b) => {
      const straight = Math.hypot(a[0] - b[0], a[1] - b[1]);
      return Math.round(o.asymmetric ? straight * (0.8 + rng.next() * 0.6) : straight);
    }),
  );
  const time = o.asymmetric
    ? distance.map((row) => row.map((d) => Math.round(d * (0.7 + rng.next() * 0.6))))
    : distance;
  const vehicles: VrpVehicle[] = [];
  for (let v = 0; v < o.vehicles; v++) {
    const shiftStart = rng.int(60);
    vehicles.push({
      id: `car-${v}`,
      startIndex: rng.int(depots),
      endIndex: rng.int(depots),
      shiftStart,
      shiftEnd: shiftStart + 250 + rng.int(200),
      capacity: 8 + rng.int(12),
    });
  }
  const width = o.windowWidth ?? 80;
  const jobs: VrpJob[] = [];
  for (let j = 0; j < o.jobs; j++) {
    const earliest = rng.int(300);
    const must = rng.next() < (o.mustRate ?? 0) ? vehicles[rng.int(o.vehicles)]!.id : null;
    jobs.push({
      id: `job-${j}`,
      index: depots + j,
      earliest,
      latest: earliest + 10 + rng.int(width),
      serviceTime: 5 + rng.int(10),
      size: 1 + rng.int(5),
      mustVehicleId: must,
    });
  }
  return { vehicles, jobs, distance, time };
}

export interface Optimum {
  /** Most jobs that can be served at once. */
  served: number;
  /** Least total distance among plans serving that many. */
  distance: number;
}

/**
 * Exhaustive optimum: every feasible visiting order of every subset of jobs for every vehicle,
 * then the best split of jobs among vehicles. Serving more jobs beats any distance, like the
 * solver's objective. Only for tiny instances (≤ 8 jobs).
 */
export function bruteForceOptimum(p: VrpProblem): Optimum {
  const n = p.jobs.length;
  if (n > 10) throw new Error('brute force is for tiny instances');
  const full = 1 << n;
  const perVehicle: Float64Array[] = p.vehicles.map((veh) => {
    const best = new Float64Array(full).fill(Infinity);
    best[0] = 0;
    const walk = (mask: number, at: number, clock: number, load: number, dist: number): void => {
      const home = dist + p.distance[at]![veh.endIndex]!;
      if (mask !== 0 && clock + p.time[at]![veh.endIndex]! <= veh.shiftEnd && home < best[mask]!) {
        best[mask] = home;
      }
      for (let j = 0; j < n; j++) {
        if (mask & (1 << j)) continue;
        const job = p.jobs[j]!;
        if (job.mustVehicleId != null && job.mustVehicleId !== veh.id) continue;
        if (load + job.size > veh.capacity) continue;
        const start = Math.max(clock + p.time[at]![job.index]!, job.earliest);
        if (start > job.latest) continue;
        walk(
          mask | (1 << j),
          job.index,
          start + job.serviceTime,
          load + job.size,
          dist + p.distance[at]![job.index]!,
        );
      }
    };
    walk(0, veh.startIndex, veh.shiftStart, 0, 0);
    return best;
  });
  // dp[mask] = least distance serving exactly `mask` with the vehicles seen so far.
  let dp = new Float64Array(full).fill(Infinity);
  dp[0] = 0;
  for (const routes of perVehicle) {
    const next = dp.slice();
    for (let mask = 1; mask < full; mask++) {
      for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
        const c = dp[mask ^ sub]! + routes[sub]!;
        if (c < next[mask]!) next[mask] = c;
      }
    }
    dp = next;
  }
  let served = 0;
  let distance = 0;
  for (let mask = 0; mask < full; mask++) {
    if (dp[mask] === Infinity) continue;
    const count = popcount(mask);
    if (count > served || (count === served && dp[mask]! < distance)) {
      served = count;
      distance = dp[mask]!;
    }
  }
  return { served, distance };
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}
