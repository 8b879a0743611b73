import { cloneRoute, createRoute, refreshRoute, type RouteState } from './route-state';
import type { VrpModel } from './vrp-model';

/**
 * A complete assignment: one route per vehicle (empty ones included, so route index is the
 * vehicle index), where each job is, and which routable jobs are left out.
 */
export interface Solution {
  routes: RouteState[];
  /** Job → vehicle serving it, or -1. */
  routeOf: Int32Array;
  /** Routable jobs that are in no route (jobs no vehicle could ever serve are not listed). */
  unassigned: number[];
  distance: number;
}

/** All routes empty except for fixed prefixes; every routable job unassigned. */
export function createEmptySolution(m: VrpModel): Solution {
  const routes: RouteState[] = [];
  const routeOf = new Int32Array(m.nJobs).fill(-1);
  let distance = 0;
  for (let v = 0; v < m.nVehicles; v++) {
    const r = createRoute(m, v);
    routes.push(r);
    distance += r.distance;
    for (let i = 1; i <= r.lock; i++) routeOf[r.nodes[i]!] = v;
  }
  const unassigned: number[] = [];
  for (let j = 0; j < m.nJobs; j++) {
    if (routeOf[j] === -1 && m.intrinsic[j] === null) unassigned.push(j);
  }
  return { routes, routeOf, unassigned, distance };
}

/**
 * Objective: distance plus a penalty per unserved job large enough that serving one more job
 * always beats any saving in distance (the whole plan's distance is bounded by the penalty).
 */
export function unassignedPenalty(m: VrpModel): number {
  return (m.nJobs + 2 * m.nVehicles + 1) * Math.max(m.maxDistance, 1);
}

/** Objective value of a solution. */
export const solutionCost = (s: Solution, penalty: number): number =>
  s.distance + penalty * s.unassigned.length;

/**
 * A working copy of a solution whose routes are cloned only when first modified, so an
 * iteration that touches three routes copies three routes.
 */
export class Workspace {
  sol: Solution;
  private owned: Uint8Array;
  private touched: number[] = [];

  constructor(
    private readonly m: VrpModel,
    base: Solution,
  ) {
    this.owned = new Uint8Array(m.nVehicles);
    this.sol = copySolutionShallow(base);
  }

  /** Restarts from `base`, forgetting modifications. */
  reset(base: Solution): void {
    for (const v of this.touched) this.owned[v] = 0;
    this.touched.length = 0;
    const s = this.sol;
    s.routes = base.routes.slice();
    s.routeOf.set(base.routeOf);
    s.unassigned = base.unassigned.slice();
    s.distance = base.distance;
  }

  /** A route of the working copy that may be modified in place. */
  mutable(v: number): RouteState {
    if (!this.owned[v]) {
      this.owned[v] = 1;
      this.touched.push(v);
      this.sol.routes[v] = cloneRoute(this.sol.routes[v]!);
    }
    return this.sol.routes[v]!;
  }

  /** Puts back the base's route for v (e.g. a ruin that would break a deadline). */
  restore(v: number, base: RouteState): void {
    this.sol.routes[v] = base;
    this.owned[v] = 0;
  }

  /** Freezes the working copy into a solution that later changes here will not affect. */
  snapshot(): Solution {
    for (const v of this.touched) this.owned[v] = 0;
    this.touched.length = 0;
    return copySolutionShallow(this.sol);
  }

  /** Inserts job j at position pos (before nodes[pos]) of vehicle v's route. */
  insert(v: number, pos: number, j: number): void {
    const r = this.mutable(v);
    const before = r.distance;
    r.nodes.splice(pos, 0, j);
    refreshRoute(this.m, r);
    this.sol.distance += r.distance - before;
    this.sol.routeOf[j] = v;
  }
}

/** Copies the containers, sharing the (immutable) routes. */
export function copySolutionShallow(s: Solution): Solution {
  return {
    routes: s.routes.slice(),
    routeOf: s.routeOf.slice(),
    unassigned: s.unassigned.slice(),
    distance: s.distance,
  };
}
